package com.huiqi.publish.model;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * 业务事项 (table A.3): what an enterprise applies for, such as 高新技术企业申报, with its
 * application conditions decomposed into rules.
 *
 * @param kind        业务事项类型: 预征集类 (collecting candidates ahead) or 政策申报类 (applications)
 * @param varietyCode the business variety it belongs to
 */
public record BusinessItem(
        String name,
        String fullName,
        Level level,
        String issuingRegion,
        List<String> applicableRegions,
        ItemKind kind,
        Integer firstYear,
        String department,
        String varietyCode,
        List<Condition> conditions) implements CatalogueContent {

    private static final Pattern CONDITION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** 业务事项类型 */
    public enum ItemKind {
        /** 预征集类 */
        PRE_COLLECTION,
        /** 政策申报类 */
        APPLICATION
    }

    /**
     * Checks everything, using {@code ruleCheck} for each condition's rule (it rejects malformed
     * rules and unknown attributes and returns the rule in canonical form).
     */
    public BusinessItem normalized(UnaryOperator<com.fasterxml.jackson.databind.JsonNode> ruleCheck) {
        List<Condition> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Condition> given = conditions == null ? List.of() : conditions;
        if (given.size() > 100) {
            throw ApiException.validation("conditions", "申报条件最多100条", "At most 100 conditions");
        }
        for (int i = 0; i < given.size(); i++) {
            Condition c = given.get(i);
            String field = "conditions[" + i + "]";
            if (c == null) {
                throw ApiException.validation(field, "申报条件不能为空", "A condition cannot be null");
            }
            if (c.id() == null || !CONDITION_ID.matcher(c.id()).matches() || !ids.add(c.id())) {
                throw ApiException.validation(field + ".id", "条件编号须唯一，为小写字母、数字或连字符",
                        "Condition ids are unique lower-case letters, digits or hyphens");
            }
            String text = Fields.text(field + ".text", c.text(), 2, 500);
            String kind = c.kind() == null ? "hard" : c.kind();
            if (!kind.equals("hard") && !kind.equals("soft")) {
                throw ApiException.validation(field + ".kind", "条件类型须为 hard（硬性）或 soft（加分）",
                        "kind must be hard or soft");
            }
            if (kind.equals("soft") != (c.weight() != null)) {
                throw ApiException.validation(field + ".weight", "加分条件须有权重，硬性条件不设权重",
                        "A soft condition has a weight and a hard one has none");
            }
            if (c.weight() != null && (c.weight() < 1 || c.weight() > 100)) {
                throw ApiException.validation(field + ".weight", "权重须为1至100", "weight must be 1 to 100");
            }
            checked.add(new Condition(c.id(), text, kind, c.weight(), c.rule() == null || c.rule().isNull() ? null
                    : RuleField.check(field + ".rule", c.rule(), ruleCheck)));
        }
        return new BusinessItem(
                Fields.text("name", name, 2, 100),
                Fields.text("fullName", fullName == null ? name : fullName, 2, 200),
                Fields.required("level", level),
                Fields.regionCode("issuingRegion", issuingRegion),
                PolicyDocument.nonEmpty("applicableRegions", Fields.regionCodes("applicableRegions", applicableRegions)),
                Fields.required("kind", kind),
                Years.optional("firstYear", firstYear),
                Fields.text("department", department, 2, 64),
                Codes.check("varietyCode", varietyCode),
                List.copyOf(checked));
    }

    @Override
    public BusinessItem normalized() {
        return normalized(UnaryOperator.identity());
    }

    @Override
    public String displayName() {
        return name;
    }
}
