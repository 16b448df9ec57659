package com.huiqi.shared.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.huiqi.shared.json.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rule language from JSON into the immutable AST, checking everything on the way: a
 * malformed rule or an unknown attribute is a 422 {@code INVALID_RULE} whose {@code field} is the
 * path of the offending node, such as {@code conditions[2].rule.all[1].attribute}.
 *
 * <p>The checks run in one pass with the types known, because what a value means depends on the
 * attribute: {@code "5000万元"} is money for {@code revenue} and an error for {@code employees}.
 * Thread-safe; build one per catalogue and share it.
 */
public final class RuleParser {

    static final int MAX_DEPTH = 16;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_OPERANDS = 100;
    static final int MAX_TEXT = 500;

    private static final Pattern CONDITION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d{1,6}(?:\\.\\d{1,8})?)%");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PERIOD = Pattern.compile("P(?=\\d)(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,4}W)?(\\d{1,5}D)?");

    private static final Set<String> CONDITION_KEYS = Set.of("id", "text", "kind", "weight", "rule");
    private static final Set<String> INDICATOR_KEYS = Set.of("attribute", "aggregate", "denominator", "years");
    private static final Set<String> LEAF_KEYS = Set.of("attribute", "aggregate", "denominator", "years", "op", "value");
    private static final List<String> COMPOSITE_KEYS = List.of("all", "any", "not", "tiered");
    private static final String OPERATORS = "eq, ne, gt, gte, lt, lte, between, in, notIn, containsAny, containsAll, "
            + "withinRegion, withinIndustry";

    private static final Map<String, CompareOp> COMPARE_OPS = byJsonName(CompareOp.values(), CompareOp::jsonName);
    private static final Map<String, SetOp> SET_OPS = byJsonName(SetOp.values(), SetOp::jsonName);
    private static final Map<String, AggregateFn> AGGREGATES = byJsonName(AggregateFn.values(), AggregateFn::jsonName);

    private final AttributeCatalog catalog;
    private final ObjectReader reader;

    public RuleParser(AttributeCatalog catalog) {
        this.catalog = catalog;
        // Floats as BigDecimal so "0.05" is never 0.05000000000000000277; a key given twice is an
        // error rather than the last one silently winning.
        this.reader = Json.newMapper().reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A whole rule: {@code {"conditions": [...]}}. */
    public PolicyRule parse(String json) {
        return parse(read(json));
    }

    public PolicyRule parse(JsonNode node) {
        return rule(node, "");
    }

    /** One condition's rule expression alone; paths are relative to it. */
    public RuleExpr parseExpression(String json) {
        return parseExpression(read(json));
    }

    public RuleExpr parseExpression(JsonNode node) {
        return expr(node, "", 1);
    }

    private JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            throw InvalidRule.at(null, "规则不能为空", "The rule is empty");
        }
        try {
            return reader.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列";
            String whereEn = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw InvalidRule.at(null, "规则不是合法的 JSON" + (where.isEmpty() ? "" : "（" + where + "）") + "：" + e.getOriginalMessage(),
                    "The rule is not valid JSON" + whereEn + ": " + e.getOriginalMessage());
        }
    }

    private PolicyRule rule(JsonNode node, String path) {
        object(node, path, "规则", "rule");
        onlyKeys(node, path, Set.of("conditions"));
        String at = child(path, "conditions");
        JsonNode list = node.get("conditions");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_CONDITIONS) {
            throw InvalidRule.at(at, "conditions 须为1至" + MAX_CONDITIONS + "条申报条件的数组",
                    "'conditions' must be an array of 1 to " + MAX_CONDITIONS + " conditions");
        }
        List<Condition> conditions = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Condition c = condition(list.get(i), index(at, i));
            if (c.id() != null && ids.putIfAbsent(c.id(), i) != null) {
                throw InvalidRule.at(child(index(at, i), "id"), "条件编号 " + c.id() + " 与第" + (ids.get(c.id()) + 1) + "条重复",
                        "Condition id " + c.id() + " is already used by condition " + ids.get(c.id()));
            }
            conditions.add(c);
        }
        if (conditions.stream().noneMatch(c -> c.kind() == ConditionKind.HARD)) {
            throw InvalidRule.at(at, "至少需要一条硬性条件（kind 为 hard），资格由硬性条件决定",
                    "At least one condition must be hard: hard conditions decide eligibility");
        }
        return new PolicyRule(conditions);
    }

    private Condition condition(JsonNode node, String path) {
        object(node, path, "申报条件", "condition");
        onlyKeys(node, path, CONDITION_KEYS);
        String id = null;
        JsonNode idNode = node.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() || !CONDITION_ID.matcher(idNode.textValue()).matches()) {
                throw InvalidRule.at(child(path, "id"), "条件编号须为1至32位小写字母、数字或连字符",
                        "A condition id is 1 to 32 lower-case letters, digits or hyphens");
            }
            id = idNode.textValue();
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isTextual() || textNode.textValue().isBlank()
                || textNode.textValue().strip().length() > MAX_TEXT) {
            throw InvalidRule.at(child(path, "text"), "须保留条件原文 text（1至" + MAX_TEXT + "字）",
                    "Each condition keeps its original wording in 'text' (1 to " + MAX_TEXT + " characters)");
        }
        ConditionKind kind = ConditionKind.HARD;
        JsonNode kindNode = node.get("kind");
        if (kindNode != null) {
            if (kindNode.isTextual() && kindNode.textValue().equals("soft")) {
                kind = ConditionKind.SOFT;
            } else if (!kindNode.isTextual() || !kindNode.textValue().equals("hard")) {
                throw InvalidRule.at(child(path, "kind"), "kind 只能为 hard（硬性条件）或 soft（加分条件）",
                        "'kind' is hard or soft");
            }
        }
        JsonNode weightNode = node.get("weight");
        BigDecimal weight = null;
        if (kind == ConditionKind.SOFT) {
            if (weightNode == null || !weightNode.isNumber() || weightNode.decimalValue().signum() <= 0
                    || weightNode.decimalValue().compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw InvalidRule.at(child(path, "weight"), "加分条件须有大于0且不超过1000的权重 weight",
                        "A soft condition needs a weight greater than 0 and at most 1000");
            }
            weight = weightNode.decimalValue();
        } else if (weightNode != null) {
            throw InvalidRule.at(child(path, "weight"), "硬性条件不设权重；要计入匹配度请将 kind 设为 soft",
                    "A hard condition has no weight; make it soft to count towards the match degree");
        }
        JsonNode ruleNode = node.get("rule");
        if (ruleNode == null) {
            throw InvalidRule.at(child(path, "rule"), "缺少机器规则 rule", "The machine rule 'rule' is missing");
        }
        RuleExpr rule = expr(ruleNode, child(path, "rule"), 1);
        return new Condition(id, textNode.textValue().strip(), kind, weight, rule);
    }

    private RuleExpr expr(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw InvalidRule.at(path, "规则嵌套超过" + MAX_DEPTH + "层", "The rule nests deeper than " + MAX_DEPTH + " levels");
        }
        object(node, path, "条件表达式", "rule expression");
        List<String> composite = new ArrayList<>();
        boolean leaf = false;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (COMPOSITE_KEYS.contains(key)) {
                composite.add(key);
            } else if (LEAF_KEYS.contains(key)) {
                leaf = true;
            } else {
                throw InvalidRule.at(child(path, key), "未知的运算符或字段 “" + key + "”；表达式为 all、any、not、tiered 之一，或含 attribute、op、value 的比较",
                        "Unknown operator or field '" + key + "': an expression is all, any, not, tiered, or a comparison with attribute, op and value");
            }
        }
        if (composite.size() + (leaf ? 1 : 0) != 1) {
            throw InvalidRule.at(path, composite.isEmpty() && !leaf ? "条件表达式不能为空对象" : "一个条件表达式只能是 all、any、not、tiered 或比较中的一种",
                    composite.isEmpty() && !leaf ? "A rule expression cannot be empty"
                            : "A rule expression is exactly one of all, any, not, tiered or a comparison");
        }
        if (leaf) {
            return comparison(node, path);
        }
        String key = composite.get(0);
        String at = child(path, key);
        JsonNode inner = node.get(key);
        switch (key) {
            case "not":
                return new RuleExpr.Not(expr(inner, at, depth + 1));
            case "tiered":
                return tiered(inner, at, depth);
            default:
                if (inner == null || !inner.isArray() || inner.isEmpty()) {
                    throw InvalidRule.at(at, key + " 须为至少含一个条件的数组", "'" + key + "' must be an array of at least one expression");
                }
                if (inner.size() > MAX_OPERANDS) {
                    throw InvalidRule.at(at, key + " 最多" + MAX_OPERANDS + "项", "'" + key + "' takes at most " + MAX_OPERANDS + " expressions");
                }
                List<RuleExpr> operands = new ArrayList<>();
                for (int i = 0; i < inner.size(); i++) {
                    operands.add(expr(inner.get(i), index(at, i), depth + 1));
                }
                return key.equals("all") ? new RuleExpr.All(operands) : new RuleExpr.Any(operands);
        }
    }

    private RuleExpr tiered(JsonNode node, String path, int depth) {
        object(node, path, "分档条件", "tiered condition");
        onlyKeys(node, path, Set.of("by", "tiers"));
        JsonNode byNode = node.get("by");
        if (byNode == null) {
            throw InvalidRule.at(child(path, "by"), "分档条件须指定分档依据 by", "A tiered condition needs 'by'");
        }
        object(byNode, child(path, "by"), "分档依据", "tier selector");
        onlyKeys(byNode, child(path, "by"), INDICATOR_KEYS);
        Indicator by = indicator(byNode, child(path, "by"));
        if (!by.type().ordered()) {
            fail(path, Typing.ofTiers(by, List.of()));
        }
        JsonNode list = node.get("tiers");
        if (list == null || !list.isArray()) {
            throw InvalidRule.at(child(path, "tiers"), "tiers 须为分档数组", "'tiers' must be an array");
        }
        List<RuleExpr.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = index(child(path, "tiers"), i);
            JsonNode t = list.get(i);
            object(t, at, "分档", "tier");
            onlyKeys(t, at, Set.of("upTo", "below", "rule"));
            if (t.has("upTo") && t.has("below")) {
                throw InvalidRule.at(at, "一档只能有一个上限：upTo（含）或 below（不含）", "A tier has one bound: upTo (inclusive) or below (exclusive)");
            }
            RuleExpr.Bound bound = null;
            for (String b : List.of("upTo", "below")) {
                if (t.has(b)) {
                    bound = new RuleExpr.Bound(literal(by, t.get(b), child(at, b)), b.equals("upTo"));
                }
            }
            if (!t.has("rule")) {
                throw InvalidRule.at(child(at, "rule"), "每档须有规则 rule", "Each tier needs a 'rule'");
            }
            tiers.add(new RuleExpr.Tier(bound, expr(t.get("rule"), child(at, "rule"), depth + 1)));
        }
        fail(path, Typing.ofTiers(by, tiers));
        return new RuleExpr.Tiered(by, tiers);
    }

    private RuleExpr comparison(JsonNode node, String path) {
        Indicator indicator = indicator(node, path);
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isTextual()) {
            throw InvalidRule.at(child(path, "op"), "比较须有运算符 op：" + OPERATORS, "A comparison needs 'op': " + OPERATORS);
        }
        String op = opNode.textValue();
        JsonNode value = node.get("value");
        String at = child(path, "value");
        if (value == null) {
            throw InvalidRule.at(at, "比较须有比较值 value", "A comparison needs a 'value'");
        }
        if (COMPARE_OPS.containsKey(op)) {
            CompareOp compare = COMPARE_OPS.get(op);
            fail(path, Typing.ofCompare(indicator, compare));
            return new RuleExpr.Compare(indicator, compare, literal(indicator, value, at));
        }
        if (op.equals("between")) {
            if (!indicator.type().ordered()) {
                fail(path, Typing.ofBetween(indicator, null, null));
            }
            if (!value.isArray() || value.size() != 2) {
                throw InvalidRule.at(at, "between 须给出两个值 [下限, 上限]（均含）", "'between' takes two values [from, to], both included");
            }
            Literal from = literal(indicator, value.get(0), index(at, 0));
            Literal to = literal(indicator, value.get(1), index(at, 1));
            fail(at, Typing.ofBetween(indicator, from, to));
            return new RuleExpr.Between(indicator, from, to);
        }
        if (SET_OPS.containsKey(op)) {
            SetOp setOp = SET_OPS.get(op);
            fail(path, Typing.ofSetOp(indicator, setOp));
            if (!value.isArray()) {
                throw InvalidRule.at(at, op + " 的比较值须为数组", "'" + op + "' takes an array of values");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode v = value.get(i);
                if (!v.isTextual()) {
                    throw InvalidRule.at(index(at, i), "取值须为文本", "Each value must be a string");
                }
                values.add(canonicalText(indicator, v.textValue()));
            }
            fail(at, Typing.ofMembers(indicator, setOp, values));
            return new RuleExpr.Membership(indicator, setOp, values);
        }
        throw InvalidRule.at(child(path, "op"), "未知的运算符 “" + op + "”；可用：" + OPERATORS,
                "Unknown operator '" + op + "'; known: " + OPERATORS);
    }

    private Indicator indicator(JsonNode node, String path) {
        Attribute attribute = attribute(node.get("attribute"), child(path, "attribute"));
        JsonNode aggregateNode = node.get("aggregate");
        JsonNode yearsNode = node.get("years");
        JsonNode denominatorNode = node.get("denominator");
        Integer years = null;
        if (yearsNode != null) {
            if (!yearsNode.isIntegralNumber() || !yearsNode.canConvertToInt()) {
                throw InvalidRule.at(child(path, "years"), "年数 years 须为1至" + Typing.MAX_YEARS + "的整数",
                        "'years' is a whole number from 1 to " + Typing.MAX_YEARS);
            }
            years = yearsNode.intValue();
        }
        if (aggregateNode == null) {
            for (String key : List.of("denominator", "years")) {
                if (node.has(key)) {
                    throw InvalidRule.at(child(path, key), key + " 只能与汇总方式 aggregate 一起使用",
                            "'" + key + "' only goes with an 'aggregate'");
                }
            }
            fail(path, Typing.ofValue(attribute));
            return new Indicator.Value(attribute);
        }
        String fn = aggregateNode.isTextual() ? aggregateNode.textValue() : "";
        if (fn.equals("ratio")) {
            if (denominatorNode == null) {
                throw InvalidRule.at(child(path, "denominator"), "ratio 须指定分母 denominator", "'ratio' needs a 'denominator'");
            }
            Attribute denominator = attribute(denominatorNode, child(path, "denominator"));
            fail(path, Typing.ofRatio(attribute, denominator, years));
            return new Indicator.Ratio(attribute, denominator, years);
        }
        AggregateFn aggregate = AGGREGATES.get(fn);
        if (aggregate == null) {
            throw InvalidRule.at(child(path, "aggregate"), "未知的汇总方式 “" + aggregateNode.asText() + "”；可用：latest、sum、avg、min、max、growth、ratio",
                    "Unknown aggregate '" + aggregateNode.asText() + "'; known: latest, sum, avg, min, max, growth, ratio");
        }
        if (denominatorNode != null) {
            throw InvalidRule.at(child(path, "denominator"), "只有 ratio 有分母 denominator", "Only 'ratio' has a 'denominator'");
        }
        if (aggregate == AggregateFn.LATEST && years != null) {
            throw InvalidRule.at(child(path, "years"), "latest 取最近一个完整会计年度，不能指定年数",
                    "'latest' takes the last completed fiscal year and has no 'years'");
        }
        if (aggregate != AggregateFn.LATEST && years == null) {
            if (!attribute.series()) {
                fail(path, Typing.ofAggregate(attribute, aggregate, 1));
            }
            throw InvalidRule.at(child(path, "years"), "汇总方式 " + fn + " 须指定年数 years（最近几个完整会计年度）",
                    "Aggregate '" + fn + "' needs 'years' (how many completed fiscal years)");
        }
        int window = years == null ? 1 : years;
        fail(path, Typing.ofAggregate(attribute, aggregate, window));
        return new Indicator.Aggregate(attribute, aggregate, window);
    }

    private Attribute attribute(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw InvalidRule.at(path, "须指定属性名 attribute", "An attribute name is required");
        }
        return catalog.find(node.textValue()).orElseThrow(() -> InvalidRule.at(path,
                "未知的属性 “" + node.textValue() + "”，请使用属性目录中的名称，如 revenue、employees、registeredRegion",
                "Unknown attribute '" + node.textValue() + "'; use a name from the attribute catalogue such as revenue, employees, registeredRegion"));
    }

    /** Reads a value as the indicator's type requires. */
    private Literal literal(Indicator indicator, JsonNode node, String path) {
        Literal literal = switch (indicator.type()) {
            case NUMBER -> node.isNumber() ? new Literal.Quantity(node.decimalValue()) : null;
            case MONEY -> money(node);
            case PERCENT -> percent(node);
            case DATE -> date(node, path);
            case TEXT, REGION_CODE, INDUSTRY_CODE -> node.isTextual() && !node.textValue().isBlank()
                    ? new Literal.Text(canonicalText(indicator, node.textValue())) : null;
            case BOOLEAN -> node.isBoolean() ? new Literal.Bool(node.booleanValue()) : null;
            case TEXT_SET -> null;
        };
        if (literal == null) {
            fail(path, Typing.mismatch(indicator));
        }
        fail(path, Typing.ofLiteral(indicator, literal));
        return literal;
    }

    private static Literal money(JsonNode node) {
        return node.isTextual() ? Literal.Money.parse(node.textValue()).orElse(null) : null;
    }

    private static Literal percent(JsonNode node) {
        Matcher m = node.isTextual() ? PERCENT.matcher(node.textValue()) : null;
        return m != null && m.matches() ? new Literal.Percent(new BigDecimal(m.group(1))) : null;
    }

    private static Literal date(JsonNode node, String path) {
        if (node.isTextual() && DATE.matcher(node.textValue()).matches()) {
            try {
                return new Literal.Date(LocalDate.parse(node.textValue()));
            } catch (DateTimeParseException e) {
                throw InvalidRule.at(path, "不存在的日期：" + node.textValue(), "No such date: " + node.textValue());
            }
        }
        if (node.isObject() && node.size() == 1 && node.has("ago")) {
            JsonNode ago = node.get("ago");
            if (!ago.isTextual() || !PERIOD.matcher(ago.textValue()).matches()) {
                throw InvalidRule.at(child(path, "ago"), "ago 须为 ISO 8601 期间，如 \"P1Y\"、\"P6M\"、\"P90D\"",
                        "'ago' is an ISO 8601 period such as \"P1Y\", \"P6M\" or \"P90D\"");
            }
            return new Literal.DateAgo(Period.parse(ago.textValue()));
        }
        return null;
    }

    /** Industry codes are kept as "C3911" whichever way the author wrote them, so equal rules compare equal. */
    private static String canonicalText(Indicator indicator, String text) {
        if (indicator.type() == ValueType.INDUSTRY_CODE) {
            IndustryCodes.Code code = IndustryCodes.parse(text);
            return code == null ? text : IndustryCodes.canonical(code);
        }
        return text;
    }

    private static void fail(String base, Fault fault) {
        if (fault == null) {
            return;
        }
        String field = fault.field();
        String path = field.isEmpty() ? base : field.startsWith("[") ? base + field : child(base, field);
        throw InvalidRule.at(path, fault.zh(), fault.en());
    }

    private static void object(JsonNode node, String path, String whatZh, String whatEn) {
        if (node == null || !node.isObject()) {
            throw InvalidRule.at(path, whatZh + "须为 JSON 对象", "A " + whatEn + " must be a JSON object");
        }
    }

    private static void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw InvalidRule.at(child(path, key), "不认识的字段 “" + key + "”，此处可用：" + String.join("、", allowed.stream().sorted().toList()),
                        "Unknown field '" + key + "'; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    private static <E> Map<String, E> byJsonName(E[] values, java.util.function.Function<E, String> name) {
        Map<String, E> map = new HashMap<>();
        Arrays.stream(values).forEach(v -> map.put(name.apply(v), v));
        return Map.copyOf(map);
    }
}
