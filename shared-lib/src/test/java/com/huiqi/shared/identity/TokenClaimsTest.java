package com.huiqi.shared.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void readsTheFlattenedGroupListOfApiGateway() {
        Caller c = TokenClaims.toCaller(Map.of("sub", "s1", "cognito:username", "sip-admin",
                "custom:tenant_id", "sip", "cognito:groups", "[center-admin staff unknown-group]"));
        assertEquals(TenantId.of("sip"), c.tenant());
        assertEquals(Set.of(Role.CENTER_ADMIN, Role.STAFF), c.roles());
        assertEquals("sip-admin", c.username());
        assertEquals(Optional.empty(), c.enterpriseCode());
    }

    @Test
    void toleratesRepeatedAndCommaSeparatedGroups() {
        assertEquals(Set.of("staff", "expert"), TokenClaims.splitGroups("[staff, expert staff]"));
        assertEquals(Set.of(), TokenClaims.splitGroups("[]"));
    }

    @Test
    void theOperatorActsInThePlatformPartitionWhateverTheTenantClaimSays() {
        Caller c = TokenClaims.toCaller(Map.of("sub", "s", "custom:tenant_id", "sip", "cognito:groups", "[platform-operator]"));
        assertEquals(TenantId.PLATFORM, c.tenant());
        assertTrue(c.isPlatformOperator());
    }

    @Test
    void aTenantUserWithoutATenantClaimIsRefused() {
        ApiException e = assertThrows(ApiException.class,
                () -> TokenClaims.toCaller(Map.of("sub", "s", "cognito:groups", "[staff]")));
        assertEquals(403, e.status());
    }

    @Test
    void noClaimsIsUnauthenticated() {
        assertEquals(401, assertThrows(ApiException.class, () -> TokenClaims.toCaller(null)).status());
        assertEquals(401, assertThrows(ApiException.class, () -> TokenClaims.toCaller(Map.of())).status());
    }

    @Test
    void enterpriseUsersCarryTheirCreditCode() {
        Caller c = TokenClaims.toCaller(Map.of("sub", "s", "custom:tenant_id", "wenzhou", "cognito:groups", "[enterprise]",
                "custom:enterprise_code", "91350100M000100Y43"));
        assertEquals(Optional.of("91350100M000100Y43"), c.enterpriseCode());
    }
}
