package com.huiqi.publish.imports;

import com.huiqi.publish.catalogue.CatalogueKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sheets of the bulk-import workbook, in the order their entries are filed and published: an
 * entry may refer to entries of an earlier sheet (a variety to its documents, an item to its
 * variety, a product to its items and documents, a notice to its item). Each sheet's columns are
 * {@code code} and the fields of its catalogue kind; a header cell reads "中文名 field", and
 * only the field name after the last space is what the import goes by. The layout is documented
 * for centers in {@code docs/catalogue-import.md}.
 */
public enum ImportSheet {
    DOCUMENTS(CatalogueKind.DOCUMENTS, "政策文件"),
    VARIETIES(CatalogueKind.VARIETIES, "业务品种"),
    ITEMS(CatalogueKind.ITEMS, "业务事项"),
    PRODUCTS(CatalogueKind.PRODUCTS, "政策产品"),
    NOTICES(CatalogueKind.NOTICES, "申报通知");

    /** The column of every sheet that carries the entry's code. */
    public static final String CODE = "code";

    /** The Chinese labels of the header cells. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(CODE, "编码"), Map.entry("name", "名称"), Map.entry("title", "标题"), Map.entry("type", "类型"),
            Map.entry("documentNumber", "发文号"), Map.entry("level", "层级"), Map.entry("issuingRegion", "发布地区"),
            Map.entry("applicableRegions", "适用地区"), Map.entry("fullText", "政策内容"), Map.entry("category", "政策分类"),
            Map.entry("supportMethods", "支持方式"), Map.entry("supportedIndustries", "支持产业"),
            Map.entry("competentDepartment", "主管部门"), Map.entry("issuingUnits", "发文单位"),
            Map.entry("interpretingUnits", "解释单位"), Map.entry("issuedOn", "发布日期"), Map.entry("validFrom", "生效日期"),
            Map.entry("validUntil", "有效期至"), Map.entry("department", "主管部门"), Map.entry("firstYear", "首次设立年度"),
            Map.entry("documentCodes", "政策文件编码"), Map.entry("fullName", "全称"), Map.entry("kind", "事项类型"),
            Map.entry("varietyCode", "业务品种编码"), Map.entry("conditions", "申报条件(JSON)"),
            Map.entry("description", "描述"), Map.entry("domain", "政策领域"), Map.entry("theme", "政策主题"),
            Map.entry("region", "发布地区"), Map.entry("itemCodes", "业务事项编码"), Map.entry("automatic", "免申即享"),
            Map.entry("itemCode", "业务事项编码"), Map.entry("conditionsSummary", "申报条件摘要"),
            Map.entry("opensAt", "开始时间"), Map.entry("closesAt", "截止时间"), Map.entry("method", "申报方式"),
            Map.entry("materials", "申报材料(JSON)"), Map.entry("contacts", "联系人(JSON)"),
            Map.entry("expertReview", "专家评审"), Map.entry("publicityDays", "公示天数"));

    private final CatalogueKind kind;
    private final String sheetName;

    ImportSheet(CatalogueKind kind, String sheetName) {
        this.kind = kind;
        this.sheetName = sheetName;
    }

    public CatalogueKind kind() {
        return kind;
    }

    public String sheetName() {
        return sheetName;
    }

    /** The record components of the kind's content, by field name, in declaration order. */
    List<RecordComponent> fields() {
        return Arrays.asList(kind.type().getRecordComponents());
    }

    /** Every column's field name: the code first, then the content's fields. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(CODE);
        fields().forEach(f -> columns.add(f.getName()));
        return columns;
    }

    /** The header cell of a column, e.g. "名称 name". */
    public static String header(String field) {
        return LABELS.getOrDefault(field, field) + " " + field;
    }

    /** The field a header cell names: the word after its last space ("名称 name" → "name"). */
    static String fieldOf(String header) {
        String h = header.strip();
        int space = Math.max(h.lastIndexOf(' '), h.lastIndexOf('\u3000'));
        return space < 0 ? h : h.substring(space + 1);
    }

    static Optional<ImportSheet> byName(String sheetName) {
        return Arrays.stream(values()).filter(s -> s.sheetName.equals(sheetName.strip())).findFirst();
    }
}
