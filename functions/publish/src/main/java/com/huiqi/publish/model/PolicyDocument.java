package com.huiqi.publish.model;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.time.LocalDate;
import java.util.List;

/**
 * 政策文件 (table A.1): a policy document as issued, with every information element of the table.
 *
 * @param type               政策类型, e.g. 标准文件, 通知, 办法
 * @param documentNumber     政策发文号, e.g. 国科发火〔2016〕32号
 * @param issuingRegion      政策发布地区 (GB/T 2260 code; 100000 for the whole country)
 * @param applicableRegions  适用地区 (GB/T 2260 codes)
 * @param fullText           政策内容 (the original text)
 * @param category           政策分类, e.g. 科技创新政策
 * @param supportMethods     支持方式, e.g. 资金, 减免, 荣誉
 * @param supportedIndustries 支持产业 (GB/T 4754 section or class codes; empty = all industries)
 * @param validUntil         有效期 end; absent for 长期 (no fixed end)
 */
public record PolicyDocument(
        String name,
        String title,
        String type,
        String documentNumber,
        Level level,
        String issuingRegion,
        List<String> applicableRegions,
        String fullText,
        String category,
        List<String> supportMethods,
        List<String> supportedIndustries,
        String competentDepartment,
        List<String> issuingUnits,
        List<String> interpretingUnits,
        LocalDate issuedOn,
        LocalDate validFrom,
        LocalDate validUntil) implements CatalogueContent {

    @Override
    public PolicyDocument normalized() {
        LocalDate from = validFrom == null ? Fields.required("issuedOn", issuedOn) : validFrom;
        if (validUntil != null && validUntil.isBefore(from)) {
            throw ApiException.validation("validUntil", "有效期截止日不能早于生效日", "validUntil is before validFrom");
        }
        return new PolicyDocument(
                Fields.text("name", name, 2, 200),
                Fields.text("title", title == null ? name : title, 2, 200),
                Fields.text("type", type, 2, 20),
                Fields.text("documentNumber", documentNumber, 2, 64),
                Fields.required("level", level),
                Fields.regionCode("issuingRegion", issuingRegion),
                nonEmpty("applicableRegions", Fields.regionCodes("applicableRegions", applicableRegions)),
                // Bounded so that the entry, its versions and their audit records stay far below
                // DynamoDB's 400 KB item size; longer originals belong in an attachment.
                Fields.text("fullText", fullText, 10, 20_000),
                Fields.text("category", category, 2, 32),
                Fields.texts("supportMethods", supportMethods, 10, 16),
                Fields.texts("supportedIndustries", supportedIndustries, 100, 8),
                Fields.text("competentDepartment", competentDepartment, 2, 64),
                nonEmpty("issuingUnits", Fields.texts("issuingUnits", issuingUnits, 20, 64)),
                Fields.texts("interpretingUnits", interpretingUnits, 20, 64),
                Fields.required("issuedOn", issuedOn),
                from,
                validUntil);
    }

    @Override
    public String displayName() {
        return name + "（" + documentNumber + "）";
    }

    static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values.isEmpty()) {
            throw ApiException.validation(field, "“" + field + "”至少一项", field + " needs at least one item");
        }
        return values;
    }
}
