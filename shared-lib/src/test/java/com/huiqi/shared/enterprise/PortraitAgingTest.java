package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When time alone changes a portrait: {@link Portrait#nextChange} names the first moment the
 * portrait derived now is no longer what {@link Portrait#derive} gives, and the portrait is the
 * same until just before it.
 */
class PortraitAgingTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private static Map<String, FieldState> facts(String established) throws Exception {
        List<FactChange> changes = established == null ? List.of(new FactChange("name", null, MAPPER.readTree("\"苏州时效有限公司\"")))
                : List.of(new FactChange("establishedOn", null, MAPPER.readTree("\"" + established + "\"")));
        return FactChanges.apply(Map.of(), changes, FactSource.STAFF, null, "staff", NOW, "facts", MAPPER).facts();
    }

    private static List<String> tags(Map<String, FieldState> facts, List<Activity> activities, Instant at) {
        return Portrait.derive(facts, activities, SizeStandard.defaultStandard(), LocalDate.ofInstant(at, CHINA), at)
                .tags().stream().map(t -> t.name() + ":" + t.reason()).toList();
    }

    @Test
    void aBehaviourTagLastsUntilItsActivityLeavesTheWindowAndNotAMomentLonger() throws Exception {
        Map<String, FieldState> facts = facts(null);
        Instant older = NOW.minusSeconds(80 * 86_400L);
        Instant newer = NOW.minusSeconds(10 * 86_400L);
        List<Activity> activities = List.of(new Activity(Activity.Kind.EVENT, "宣讲会", newer, "staff"),
                new Activity(Activity.Kind.CONSULTATION, "研发费用加计扣除", older, "staff"));
        Instant next = Portrait.nextChange(facts, activities, LocalDate.ofInstant(NOW, CHINA), NOW, CHINA);
        assertEquals(older.plusSeconds(Portrait.BEHAVIOUR_DAYS * 86_400L).plusMillis(1), next);
        assertEquals(tags(facts, activities, NOW), tags(facts, activities, next.minusMillis(1)));
        assertNotEquals(tags(facts, activities, NOW), tags(facts, activities, next));
    }

    @Test
    void anAnniversaryMovesTheGrowthStageAndItsReason() throws Exception {
        Map<String, FieldState> facts = facts("2023-06-15");
        Instant next = Portrait.nextChange(facts, List.of(), LocalDate.ofInstant(NOW, CHINA), NOW, CHINA);
        assertEquals(LocalDate.parse("2026-06-15").atStartOfDay(CHINA).toInstant(), next);
        assertEquals(tags(facts, List.of(), NOW), tags(facts, List.of(), next.minusMillis(1)));
        // Three years old: no longer 初创期.
        assertNotEquals(tags(facts, List.of(), NOW), tags(facts, List.of(), next));
    }

    @Test
    void withoutActivitiesOrAnEstablishmentDateOnlyAChangeOfFiguresChangesThePortrait() throws Exception {
        assertNull(Portrait.nextChange(facts(null), List.of(), LocalDate.ofInstant(NOW, CHINA), NOW, CHINA));
    }
}
