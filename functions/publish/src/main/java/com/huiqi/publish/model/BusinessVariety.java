package com.huiqi.publish.model;

import com.huiqi.shared.validation.Fields;
import java.util.List;

/**
 * 业务品种 (table A.2): a kind of business a policy gives rise to, such as 国家高新技术企业认定.
 *
 * @param type          业务类型: decides how fulfilment works later (certificate, contract, disbursement)
 * @param firstYear     首次设立年度
 * @param documentCodes the policy documents it comes from
 */
public record BusinessVariety(
        String name,
        Level level,
        String issuingRegion,
        List<String> applicableRegions,
        VarietyType type,
        String department,
        Integer firstYear,
        List<String> documentCodes) implements CatalogueContent {

    /** 业务类型 */
    public enum VarietyType {
        /** 认定类: a recognition or qualification */
        RECOGNITION,
        /** 项目类: a project with a contract */
        PROJECT,
        /** 资金类: money granted and disbursed */
        FUNDING,
        /** 其他类 */
        OTHER
    }

    @Override
    public BusinessVariety normalized() {
        return new BusinessVariety(
                Fields.text("name", name, 2, 100),
                Fields.required("level", level),
                Fields.regionCode("issuingRegion", issuingRegion),
                PolicyDocument.nonEmpty("applicableRegions", Fields.regionCodes("applicableRegions", applicableRegions)),
                Fields.required("type", type),
                Fields.text("department", department, 2, 64),
                Years.optional("firstYear", firstYear),
                PolicyDocument.nonEmpty("documentCodes", Codes.list("documentCodes", documentCodes)));
    }

    @Override
    public String displayName() {
        return name;
    }
}
