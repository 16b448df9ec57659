package com.huiqi.shared.enterprise;

import static com.huiqi.shared.enterprise.Domain.BASIC;
import static com.huiqi.shared.enterprise.Domain.CREDIT;
import static com.huiqi.shared.enterprise.Domain.FINANCING;
import static com.huiqi.shared.enterprise.Domain.GOVERNMENT;
import static com.huiqi.shared.enterprise.Domain.INTELLECTUAL_PROPERTY;
import static com.huiqi.shared.enterprise.Domain.OPERATIONS;
import static com.huiqi.shared.enterprise.Domain.PREFERENCES;

import com.huiqi.shared.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure an enterprise file keeps (一企一档的数据项), by domain. What an enterprise may
 * declare itself is marked here; figures that only an authority can attest (qualifications,
 * credit, grants) are recorded by staff or imported from departments.
 */
public final class FileFields {

    /** The eight 国家重点支持的高新技术领域 (《高新技术企业认定管理办法》 附件). */
    public static final List<String> TECH_DOMAINS = List.of("电子信息", "生物与新医药", "航空航天", "新材料",
            "高技术服务", "新能源与节能", "资源与环境", "先进制造与自动化");
    /** 兴趣标签 vocabulary (000 §5.2.2.2 d and the service themes centers offer). */
    public static final List<String> INTERESTS = List.of("科技创新", "高端制造", "技术改造", "税收优惠", "人才引进",
            "融资服务", "市场开拓", "知识产权", "数字化转型", "绿色低碳");
    public static final List<String> ENTERPRISE_TYPES = List.of("有限责任公司", "股份有限公司", "个人独资企业",
            "合伙企业", "外商投资企业", "国有企业", "集体所有制企业", "个体工商户");
    public static final List<String> LISTING = List.of("未上市", "新三板挂牌", "北交所上市", "科创板上市",
            "创业板上市", "沪深主板上市", "境外上市");
    public static final List<String> CREDIT_RATINGS = List.of("A", "B", "M", "C", "D");

    private static final List<FileField> ALL = List.of(
            text("name", BASIC, true, "企业名称", "name", 100),
            code("enterpriseType", BASIC, true, "企业类型", "enterprise type", ENTERPRISE_TYPES),
            scalar("registeredCapital", BASIC, FieldType.MONEY, true, "注册资本（元）", "registered capital (yuan)"),
            scalar("establishedOn", BASIC, FieldType.DATE, true, "成立日期", "date of establishment"),
            scalar("registeredRegion", BASIC, FieldType.REGION_CODE, true, "注册地行政区划", "registered region"),
            scalar("industryCode", BASIC, FieldType.INDUSTRY_CODE, true, "所属行业（GB/T 4754-2017）", "industry"),
            text("legalRepresentative", BASIC, true, "法定代表人", "legal representative", 50),
            personal("legalRepresentativeIdNumber", FieldType.ID_NUMBER, "法定代表人身份证号码",
                    "legal representative's identity card number", null),
            personal("legalRepresentativePhone", FieldType.PHONE, "法定代表人联系电话", "legal representative's phone", null),
            personal("contacts", FieldType.RECORDS, "联系人", "contacts", FileRecords.Contact.class),

            yearly("employees", FieldType.COUNT, "从业人员（人）", "employees"),
            yearly("rdPersonnel", FieldType.COUNT, "科技人员（人）", "R&D personnel"),
            yearly("insuredEmployees", FieldType.COUNT, "年末参保人数（人）", "insured employees at year end"),
            yearly("revenue", FieldType.MONEY, "营业收入（元）", "revenue (yuan)"),
            yearly("hiTechRevenue", FieldType.MONEY, "高新技术产品（服务）收入（元）", "high-tech revenue (yuan)"),
            yearly("totalAssets", FieldType.MONEY, "资产总额（元）", "total assets (yuan)"),
            yearly("rdExpense", FieldType.MONEY, "研究开发费用（元）", "R&D expense (yuan)"),
            yearly("rdExpenseDomestic", FieldType.MONEY, "境内研究开发费用（元）", "R&D expense in China (yuan)"),
            yearly("netProfit", FieldType.SIGNED_MONEY, "净利润（元）", "net profit (yuan)"),
            yearly("taxPaid", FieldType.MONEY, "纳税总额（元）", "tax paid (yuan)"),

            records("pastApplications", GOVERNMENT, true, "历史申报", "past applications", FileRecords.PastApplication.class),
            records("grants", GOVERNMENT, false, "获得资助", "grants received", FileRecords.Grant.class),
            set("qualifications", GOVERNMENT, false, "资质认定", "qualifications", List.of()),
            set("honours", GOVERNMENT, false, "人才与荣誉", "honours and talent awards", List.of()),
            set("projects", GOVERNMENT, false, "科技项目", "science and technology projects", List.of()),

            scalar("patents.invention", INTELLECTUAL_PROPERTY, FieldType.COUNT, true, "发明专利（件）", "invention patents"),
            scalar("patents.utilityModel", INTELLECTUAL_PROPERTY, FieldType.COUNT, true, "实用新型专利（件）",
                    "utility model patents"),
            scalar("patents.design", INTELLECTUAL_PROPERTY, FieldType.COUNT, true, "外观设计专利（件）", "design patents"),
            scalar("softwareCopyrights", INTELLECTUAL_PROPERTY, FieldType.COUNT, true, "软件著作权（件）", "software copyrights"),
            scalar("trademarks", INTELLECTUAL_PROPERTY, FieldType.COUNT, true, "注册商标（件）", "trademarks"),
            set("techDomains", INTELLECTUAL_PROPERTY, true, "技术领域（国家重点支持的高新技术领域）", "technology domains",
                    TECH_DOMAINS),

            code("creditRating", CREDIT, false, "纳税信用等级", "tax credit rating", CREDIT_RATINGS),
            records("dishonestyRecords", CREDIT, false, "失信记录", "dishonesty records", FileRecords.DishonestyRecord.class),
            scalar("seriousViolation", CREDIT, FieldType.BOOLEAN, false, "近一年重大安全、质量事故或严重环境违法",
                    "major accident or serious environmental offence in the last year"),

            code("listingStatus", FINANCING, true, "上市情况", "listing", LISTING),
            text("stockCode", FINANCING, true, "股票代码", "stock code", 16),
            records("financingRounds", FINANCING, true, "融资记录", "financing rounds", FileRecords.FinancingRound.class),

            set("interests", PREFERENCES, true, "兴趣偏好", "interests", INTERESTS));

    private static final Map<String, FileField> BY_NAME;

    static {
        Map<String, FileField> map = new LinkedHashMap<>();
        ALL.forEach(f -> map.put(f.name(), f));
        BY_NAME = java.util.Collections.unmodifiableMap(map);
    }

    private FileFields() {
    }

    public static List<FileField> all() {
        return ALL;
    }

    public static Optional<FileField> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The field, or a 422 naming {@code path}. */
    public static FileField require(String path, String name) {
        return find(name).orElseThrow(() -> ApiException.validation(path, "未知的企业档案字段：" + name,
                "Unknown enterprise file field: " + name));
    }

    /** The storage key of one figure: the field name, and {@code @year} for per-year fields. */
    public static String key(FileField field, Integer year) {
        return field.perYear() ? field.name() + "@" + year : field.name();
    }

    public static FileField fieldOfKey(String key) {
        int at = key.indexOf('@');
        return BY_NAME.get(at < 0 ? key : key.substring(0, at));
    }

    public static Integer yearOfKey(String key) {
        int at = key.indexOf('@');
        return at < 0 ? null : Integer.valueOf(key.substring(at + 1));
    }

    private static FileField text(String name, Domain d, boolean declarable, String zh, String en, int max) {
        return new FileField(name, d, FieldType.TEXT, false, declarable, false, zh, en, List.of(), max, null);
    }

    private static FileField code(String name, Domain d, boolean declarable, String zh, String en, List<String> vocab) {
        return new FileField(name, d, FieldType.CODE, false, declarable, false, zh, en, vocab, 32, null);
    }

    private static FileField scalar(String name, Domain d, FieldType type, boolean declarable, String zh, String en) {
        return new FileField(name, d, type, false, declarable, false, zh, en, List.of(), 0, null);
    }

    private static FileField yearly(String name, FieldType type, String zh, String en) {
        return new FileField(name, OPERATIONS, type, true, true, false, zh, en, List.of(), 0, null);
    }

    private static FileField set(String name, Domain d, boolean declarable, String zh, String en, List<String> vocab) {
        return new FileField(name, d, FieldType.TEXT_SET, false, declarable, false, zh, en, vocab, 32, null);
    }

    private static FileField records(String name, Domain d, boolean declarable, String zh, String en,
                                     Class<? extends FileRecords.Entry> type) {
        return new FileField(name, d, FieldType.RECORDS, false, declarable, false, zh, en, List.of(), 0, type);
    }

    private static FileField personal(String name, FieldType type, String zh, String en,
                                      Class<? extends FileRecords.Entry> recordType) {
        return new FileField(name, BASIC, type, false, true, true, zh, en, List.of(), 0, recordType);
    }
}
