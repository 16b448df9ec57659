package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provenance: each source keeps its own value, precedence picks the file's, and what is replaced is history. */
class FactChangesTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant T1 = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-04-01T02:00:00Z");

    private static FactChanges.Applied apply(Map<String, FieldState> facts, FactSource source, Instant at, FactChange... c) {
        return FactChanges.apply(facts, List.of(c), source, null, "user-" + source, at, "facts", MAPPER);
    }

    @Test
    void aDepartmentFigureWinsAndTheDeclarationStaysBesideIt() {
        var declared = apply(Map.of(), FactSource.SELF_DECLARED, T1,
                new FactChange("revenue", 2025, TextNode.valueOf("1000")));
        var imported = apply(declared.facts(), FactSource.DEPARTMENT_IMPORT, T2,
                new FactChange("revenue", 2025, TextNode.valueOf("980.5")));
        FieldState state = imported.facts().get("revenue@2025");
        assertEquals("980.50", state.value().orElseThrow().asText());
        assertEquals(FactSource.DEPARTMENT_IMPORT, state.effective().orElseThrow().source());
        assertEquals("1000.00", state.claimOf(FactSource.SELF_DECLARED).orElseThrow().value().asText());
        assertEquals(T1, state.claimOf(FactSource.SELF_DECLARED).orElseThrow().recordedAt());
        assertTrue(imported.history().isEmpty(), "nothing was replaced: each source has its own value");
    }

    @Test
    void aSourceReplacingItsOwnValueMakesHistoryAndTheSameValueIsNoChange() {
        var first = apply(Map.of(), FactSource.STAFF, T1, new FactChange("employees", 2025, IntNode.valueOf(40)));
        var same = apply(first.facts(), FactSource.STAFF, T2, new FactChange("employees", 2025, IntNode.valueOf(40)));
        assertTrue(same.changedKeys().isEmpty());
        var second = apply(first.facts(), FactSource.STAFF, T2, new FactChange("employees", 2025, IntNode.valueOf(41)));
        assertEquals(1, second.history().size());
        FactHistory h = second.history().get(0);
        assertEquals(40, h.claim().value().asInt());
        assertEquals(T1, h.claim().recordedAt());
        assertEquals(T2, h.supersededAt());
        var withdrawn = apply(second.facts(), FactSource.STAFF, T2, new FactChange("employees", 2025, null));
        assertTrue(withdrawn.facts().isEmpty());
        assertTrue(withdrawn.history().get(0).withdrawn());
    }

    @Test
    void enterprisesCannotDeclareWhatOnlyAuthoritiesRecord() {
        var array = JsonNodeFactory.instance.arrayNode().add("高新技术企业");
        ApiException e = assertThrows(ApiException.class, () -> apply(Map.of(), FactSource.SELF_DECLARED, T1,
                new FactChange("qualifications", null, array)));
        assertEquals(403, e.status());
        assertEquals("facts[0].field", e.field());
        apply(Map.of(), FactSource.STAFF, T1, new FactChange("qualifications", null, array));
    }

    @Test
    void identityNumbersAreCheckedByTheirCheckCharacter() {
        assertEquals("11010519491231002X", FieldValues.idNumber("f", "11010519491231002x"));
        ApiException e = assertThrows(ApiException.class, () -> FieldValues.idNumber("f", "110105194912310021"));
        assertTrue(!e.messageZh().contains("110105"), "the message never echoes personal data");
    }
}
