package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.huiqi.shared.rules.Attribute;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.EnterpriseFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compact view of an enterprise that matching reads (企业画像 for 政策计算器): exactly the
 * attributes of the rule language's {@link AttributeCatalog}, keyed by their names, so it is the
 * {@link EnterpriseFacts} the {@code RuleEvaluator} evaluates, and matching never reads raw files.
 * Stored beside the file, rewritten in the same transaction whenever the file changes.
 * JSON Schema: {@code frontend-contract/schemas/enterprise-profile.schema.json}.
 *
 * @param schemaVersion the shape of this record; raised when attributes change meaning
 * @param fileVersion   the file version it was computed from
 * @param values        scalar attributes: numbers as JSON integers, dates as {@code YYYY-MM-DD},
 *                      sets as arrays, booleans; an absent attribute is unknown, never false
 * @param series        per-year attributes: attribute to fiscal year to a decimal string (yuan or persons)
 */
public record EnterpriseProfile(int schemaVersion, String creditCode, String name, Lifecycle.Status status,
                                long fileVersion, Instant computedAt, Map<String, JsonNode> values,
                                Map<String, Map<String, String>> series) implements EnterpriseFacts {

    public static final int SCHEMA_VERSION = 1;
    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();

    public EnterpriseProfile {
        values = Map.copyOf(values);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        series = Map.copyOf(copy);
    }

    /** The profile of a file at {@code fileVersion}. */
    public static EnterpriseProfile of(EnterpriseFile file, long fileVersion, Instant now) {
        Map<String, FieldState> f = file.facts();
        Map<String, JsonNode> values = new TreeMap<>();
        copy(f, "registeredRegion", values);
        copy(f, "industryCode", values);
        copy(f, "establishedOn", values);
        copy(f, "creditRating", values);
        copy(f, "seriousViolation", values);
        copy(f, "qualifications", values);
        copy(f, "patents.invention", values);
        copy(f, "patents.utilityModel", values);
        copy(f, "softwareCopyrights", values);
        latest(f, "employees").ifPresent(v -> values.put("employees", v));
        latest(f, "rdPersonnel").ifPresent(v -> values.put("rdPersonnel", v));
        if (file.size() != null && file.size().sizeClass() != null) {
            values.put("sizeClass", TextNode.valueOf(file.size().sizeClass().labelZh()));
        }
        Optional.ofNullable(f.get("dishonestyRecords")).flatMap(FieldState::value).ifPresent(records -> {
            boolean inForce = false;
            for (JsonNode r : records) {
                inForce |= !r.hasNonNull("removedOn") || LocalDate.parse(r.get("removedOn").asText()).isAfter(LocalDate.now());
            }
            values.put("dishonest", BooleanNode.valueOf(inForce));
        });
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        file.tags().stream().map(Tag::name).distinct().sorted().forEach(tags::add);
        values.put("tags", tags);

        Map<String, Map<String, String>> series = new TreeMap<>();
        for (String attr : List.of("insuredEmployees", "revenue", "rdExpense", "rdExpenseDomestic", "hiTechRevenue",
                "totalAssets", "netProfit", "taxPaid")) {
            Map<String, String> years = new TreeMap<>();
            f.forEach((key, state) -> {
                if (key.startsWith(attr + "@")) {
                    state.value().ifPresent(v -> years.put(key.substring(attr.length() + 1), v.asText()));
                }
            });
            if (!years.isEmpty()) {
                series.put(attr, years);
            }
        }
        return new EnterpriseProfile(SCHEMA_VERSION, file.creditCode(), file.name(), file.status(), fileVersion, now,
                values, series);
    }

    @Override
    public Optional<Object> value(String attribute) {
        JsonNode v = values.get(attribute);
        if (v == null) {
            return Optional.empty();
        }
        Attribute a = CATALOG.require(attribute);
        return Optional.of(switch (a.type()) {
            case NUMBER, MONEY -> new BigDecimal(v.asText());
            case DATE -> LocalDate.parse(v.asText());
            case BOOLEAN -> v.booleanValue();
            case TEXT_SET -> {
                Set<String> set = new HashSet<>();
                v.forEach(e -> set.add(e.asText()));
                yield Set.copyOf(set);
            }
            default -> v.asText();
        });
    }

    @Override
    public Optional<BigDecimal> yearValue(String attribute, int year) {
        Map<String, String> years = series.get(attribute);
        return years == null ? Optional.empty() : Optional.ofNullable(years.get(Integer.toString(year))).map(BigDecimal::new);
    }

    private static void copy(Map<String, FieldState> facts, String key, Map<String, JsonNode> into) {
        Optional.ofNullable(facts.get(key)).flatMap(FieldState::value).ifPresent(v -> into.put(key, v));
    }

    /** The value of the latest year a per-year field is known for. */
    private static Optional<JsonNode> latest(Map<String, FieldState> facts, String field) {
        return facts.keySet().stream().filter(k -> k.startsWith(field + "@"))
                .max((a, b) -> Integer.compare(FileFields.yearOfKey(a), FileFields.yearOfKey(b)))
                .flatMap(k -> facts.get(k).value());
    }
}
