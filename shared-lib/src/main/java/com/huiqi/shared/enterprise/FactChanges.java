package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies recorded figures to a file's facts as one source, enforcing who may record what: an
 * enterprise only its declarable fields, staff and departments every field. A source only ever
 * replaces or withdraws its own value; the superseded value goes to the history.
 */
public final class FactChanges {

    /** Bounded so that the file, its history and index items fit one DynamoDB transaction. */
    public static final int MAX_CHANGES = 25;

    private FactChanges() {
    }

    /** The new facts, the history items the change produces, and the figures whose claims changed (none: a no-op). */
    public record Applied(Map<String, FieldState> facts, List<FactHistory> history, Set<String> changedKeys) {
    }

    public static Applied apply(Map<String, FieldState> facts, List<FactChange> changes, FactSource source,
                                String sourceRef, String actor, Instant now, String path, ObjectMapper mapper) {
        if (changes == null || changes.isEmpty()) {
            throw ApiException.validation(path, "至少需要一项数据", "At least one figure is required");
        }
        if (changes.size() > MAX_CHANGES) {
            throw ApiException.validation(path, "一次最多提交" + MAX_CHANGES + "项数据",
                    "At most " + MAX_CHANGES + " figures per request");
        }
        Map<String, FieldState> next = new HashMap<>(facts);
        List<FactHistory> history = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            String at = path + "[" + i + "]";
            FactChange change = changes.get(i);
            if (change == null) {
                throw ApiException.validation(at, "数据项不能为空", "A figure cannot be null");
            }
            FileField field = FileFields.require(at + ".field", change.field());
            if (source == FactSource.SELF_DECLARED && !field.declarable()) {
                throw new ApiException(403, "FIELD_NOT_DECLARABLE",
                        "“" + field.labelZh() + "”由中心或业务部门记录，企业不能自行申报",
                        field.labelEn() + " is recorded by the center or a department, not declared by the enterprise",
                        at + ".field");
            }
            Integer year = year(field, change.year(), at + ".year");
            String key = FileFields.key(field, year);
            if (!seen.add(key)) {
                throw ApiException.validation(at, "同一数据项在一次提交中出现了两次：" + key, "The same figure appears twice: " + key);
            }
            FieldState state = next.getOrDefault(key, new FieldState(Map.of()));
            Claim own = state.claimOf(source).orElse(null);
            if (change.withdraws()) {
                if (own != null) {
                    history.add(new FactHistory(key, own, now, actor, true));
                    FieldState rest = state.without(source);
                    if (rest.isEmpty()) {
                        next.remove(key);
                    } else {
                        next.put(key, rest);
                    }
                }
                continue;
            }
            JsonNode value = FieldValues.normalize(field, at + ".value", change.value(), mapper);
            if (own != null && own.value().equals(value)) {
                continue; // the same figure again from the same source: nothing to record
            }
            if (own != null) {
                history.add(new FactHistory(key, own, now, actor, false));
            }
            next.put(key, state.with(new Claim(value, source, sourceRef, now, actor)));
        }
        Set<String> changed = new HashSet<>();
        for (String key : seen) {
            if (!java.util.Objects.equals(facts.get(key), next.get(key))) {
                changed.add(key);
            }
        }
        return new Applied(Map.copyOf(next), List.copyOf(history), changed);
    }

    private static Integer year(FileField field, Integer year, String path) {
        if (!field.perYear()) {
            if (year != null) {
                throw ApiException.validation(path, "“" + field.labelZh() + "”不分年度，不能带 year",
                        field.labelEn() + " is not kept per year; send no year");
            }
            return null;
        }
        if (year == null || year < 1949 || year > LocalDate.now().getYear()) {
            throw ApiException.validation(path, "“" + field.labelZh() + "”须注明1949年至今年之间的年度",
                    field.labelEn() + " needs a year from 1949 to this year");
        }
        return year;
    }
}
