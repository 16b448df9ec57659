package com.huiqi.publish.model;

import com.huiqi.shared.validation.Fields;
import java.util.List;
import java.util.function.UnaryOperator;

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
        List<Condition> checked = Condition.checkAll(conditions, ruleCheck);
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
                checked);
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
