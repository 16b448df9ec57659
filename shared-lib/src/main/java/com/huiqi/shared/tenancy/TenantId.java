package com.huiqi.shared.tenancy;

import com.huiqi.shared.error.ApiException;
import java.util.regex.Pattern;

/**
 * A tenant (one enterprise service center). The id is lower-case letters, digits and hyphens only,
 * so the key separator {@code #} can never appear in it: a key prefix {@code "sip#"} cannot match
 * tenant {@code "sip2"}, and {@code dynamodb:LeadingKeys} patterns stay tight.
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{1,30}[a-z0-9]");

    /** The platform operator's own partition (tenant registry, platform audit); no tenant may take it. */
    public static final TenantId PLATFORM = new TenantId("platform");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw ApiException.validation("tenantId",
                    "租户编码须为3至32位小写字母、数字或连字符，以字母开头",
                    "Tenant code must be 3 to 32 lower-case letters, digits or hyphens, starting with a letter");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** For codes chosen by an operator at onboarding: the reserved platform id is refused. */
    public static TenantId forNewTenant(String value) {
        TenantId id;
        try {
            id = new TenantId(value);
        } catch (ApiException e) {
            throw ApiException.validation("code", e.messageZh(), e.messageEn());
        }
        if (id.equals(PLATFORM)) {
            throw ApiException.validation("code", "租户编码“platform”为平台保留",
                    "The tenant code 'platform' is reserved");
        }
        return id;
    }

    @Override
    public String toString() {
        return value;
    }
}
