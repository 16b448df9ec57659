package com.huiqi.shared.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One enterprise's file in one center (一企一档), keyed by its credit code. Every figure is a
 * {@link FieldState}: each source's value with its time; earlier values live in the history items
 * beside the file. Tags and the size class are derived from the figures and recomputed whenever
 * they change.
 *
 * @param facts            figure key ({@link FileFields#key}) to its claims
 * @param recentActivities the latest activities, newest first, bounded: what behaviour tags need
 */
public record EnterpriseFile(
        String creditCode,
        Lifecycle.Status status,
        List<Lifecycle.Event> lifecycle,
        Map<String, FieldState> facts,
        List<Activity> recentActivities,
        List<Tag> tags,
        SizeAssessment size,
        Instant createdAt,
        Instant updatedAt) {

    /** How many activities the file keeps for behaviour tags; the audit trail keeps all of them. */
    public static final int RECENT_ACTIVITIES = 50;

    public EnterpriseFile {
        lifecycle = List.copyOf(lifecycle);
        facts = Map.copyOf(facts);
        recentActivities = List.copyOf(recentActivities);
        tags = List.copyOf(tags);
    }

    public Optional<FieldState> fact(String key) {
        return Optional.ofNullable(facts.get(key));
    }

    /** The facts in key order, for stable output. */
    public TreeMap<String, FieldState> sortedFacts() {
        return new TreeMap<>(facts);
    }

    public String name() {
        return fact("name").flatMap(FieldState::value).map(v -> v.asText()).orElse(creditCode);
    }

    /**
     * The size class with what it rests on, or {@code sizeClass} null and {@code missing} listing
     * what is needed.
     *
     * @param standard the size standard used, such as MIIT-2011
     * @param row      the standard's industry row
     * @param year     the fiscal year of the figures
     */
    public record SizeAssessment(String standard, String row, Integer year, SizeClass sizeClass, String reason,
                                 List<String> missing) {
        public SizeAssessment {
            missing = List.copyOf(missing);
        }
    }
}
