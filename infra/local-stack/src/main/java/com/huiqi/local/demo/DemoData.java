package com.huiqi.local.demo;

import com.huiqi.shared.enterprise.CreditCode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The demo tenants and their people: two real-world-shaped centers (Suzhou Industrial Park and
 * Wenzhou), each with an admin, service staff, departments, an expert, an auditor and an
 * enterprise user. Every account logs in with {@link #PASSWORD}; this is local demo data only.
 */
public final class DemoData {

    public static final String PASSWORD = "Huiqi-Demo-2026";

    /**
     * The last completed fiscal year, which the demo figures end with: rules look at the last
     * completed years, so the demo files stay current whatever year the demo runs in.
     */
    private static final int LAST = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    /** Synthetic enterprises in each demo center's directory, beside the enterprise user's own. */
    public static final int SYNTHETIC_ENTERPRISES = 2000;

    public record Department(String id, String name, String kind, String contactName, String contactPhone) {
    }

    public record Person(String username, String name, List<String> roles, String departmentId,
                         String enterpriseCode, List<String> expertise) {
    }

    /**
     * The enterprise the tenant's enterprise user acts for, with the figures its file opens with:
     * field name, year (null when not per year) and value, as {@code PUT /enterprises/{code}/facts} takes them.
     */
    public record DemoEnterprise(String creditCode, List<Map<String, Object>> facts) {
    }

    /**
     * @param place             the place name synthetic enterprises' names start with
     * @param districts         the GB/T 2260 districts synthetic enterprises are registered in
     * @param enterprise        the file of the tenant's enterprise user
     * @param catalogueAuthor   the staff member who decomposes and submits the demo catalogue
     * @param catalogueReviewer another editor, who reviews and publishes it (never the author)
     */
    public record DemoTenant(String code, String name, String regionCode, String place, List<String> districts,
                             Person admin,
                             List<Department> departments, List<Person> people, DemoEnterprise enterprise,
                             String catalogueAuthor, String catalogueReviewer) {
    }

    private DemoData() {
    }

    private static Map<String, Object> fact(String field, Integer year, Object value) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("field", field);
        if (year != null) {
            f.put("year", year);
        }
        f.put("value", value);
        return f;
    }

    public static List<DemoTenant> tenants() {
        return List.of(suzhou(), wenzhou());
    }

    static DemoTenant suzhou() {
        return new DemoTenant("sip", "苏州工业园区企业服务中心", "320571", "苏州",
                // 苏州工业园区 most, then the city's other districts and county-level cities.
                List.of("320571", "320571", "320571", "320571", "320505", "320506", "320507", "320508", "320509",
                        "320581", "320582", "320583", "320585"),
                new Person("sip-admin", "周明", List.of("center-admin"), null, null, null),
                List.of(new Department("kjj", "园区科技创新委员会", "AUTHORIZING", "陈科长", "0512-66681234"),
                        new Department("rsj", "园区劳动和社会保障局", "AUTHORIZING", "王科长", "0512-66681235"),
                        new Department("swj", "园区商务局", "UNDERTAKING", "李科长", "0512-66681236"),
                        new Department("zhjg", "园区知识产权服务中心", "SERVICE_INSTITUTION", "赵主任", "0512-66681237")),
                List.of(new Person("sip-staff", "吴婷", List.of("staff"), null, null, null),
                        new Person("sip-window", "郑磊", List.of("staff"), null, null, null),
                        new Person("sip-kjj", "陈晓", List.of("department"), "kjj", null, null),
                        new Person("sip-expert", "孙教授", List.of("expert"), null, null, List.of("高新技术", "知识产权")),
                        new Person("sip-auditor", "钱审计", List.of("auditor"), null, null, null),
                        new Person("sip-ent", "苏州纳微科技有限公司（申报专员）", List.of("enterprise"), null,
                                CreditCode.complete("91320594MA1N2P3Q4").value(), null)),
                new DemoEnterprise(CreditCode.complete("91320594MA1N2P3Q4").value(), List.of(
                        fact("name", null, "苏州纳微科技有限公司"), fact("enterpriseType", null, "有限责任公司"),
                        fact("establishedOn", null, "2016-05-18"),
                        fact("registeredRegion", null, "320571"), fact("industryCode", null, "C3985"),
                        fact("legalRepresentative", null, "牟建国"),
                        fact("employees", LAST - 2, 62), fact("employees", LAST - 1, 74), fact("employees", LAST, 86),
                        fact("rdPersonnel", LAST, 21),
                        fact("revenue", LAST - 2, "28000000.00"), fact("revenue", LAST - 1, "35000000.00"),
                        fact("revenue", LAST, "42000000.00"),
                        fact("rdExpense", LAST - 2, "1900000.00"), fact("rdExpense", LAST - 1, "2400000.00"),
                        fact("rdExpense", LAST, "3100000.00"),
                        fact("rdExpenseDomestic", LAST - 2, "1900000.00"), fact("rdExpenseDomestic", LAST - 1, "2300000.00"),
                        fact("rdExpenseDomestic", LAST, "3000000.00"),
                        fact("hiTechRevenue", LAST, "31000000.00"), fact("totalAssets", LAST, "56000000.00"),
                        fact("patents.invention", null, 4), fact("patents.utilityModel", null, 11),
                        fact("softwareCopyrights", null, 2), fact("techDomains", null, List.of("新材料")))),
                "sip-staff", "sip-window");
    }

    static DemoTenant wenzhou() {
        return new DemoTenant("wenzhou", "温州市企业服务中心", "330300", "温州",
                List.of("330302", "330303", "330304", "330305", "330324", "330326", "330327", "330328", "330329",
                        "330381", "330382", "330383"),
                new Person("wz-admin", "林海", List.of("center-admin"), null, null, null),
                List.of(new Department("jxj", "温州市经济和信息化局", "AUTHORIZING", "潘科长", "0577-88961234"),
                        new Department("kjj", "温州市科学技术局", "AUTHORIZING", "黄科长", "0577-88961235"),
                        new Department("scjg", "温州市市场监督管理局", "UNDERTAKING", "叶科长", "0577-88961236")),
                List.of(new Person("wz-staff", "金丽", List.of("staff"), null, null, null),
                        new Person("wz-jxj", "潘杰", List.of("department"), "jxj", null, null),
                        new Person("wz-expert", "蔡研究员", List.of("expert"), null, null, List.of("智能制造")),
                        new Person("wz-auditor", "徐审计", List.of("auditor"), null, null, null),
                        new Person("wz-ent", "温州瓯江电气有限公司（申报专员）", List.of("enterprise"), null,
                                CreditCode.complete("91330302MA2H7K8L9").value(), null)),
                new DemoEnterprise(CreditCode.complete("91330302MA2H7K8L9").value(), List.of(
                        fact("name", null, "温州瓯江电气有限公司"), fact("enterpriseType", null, "有限责任公司"),
                        fact("registeredCapital", null, "50000000.00"), fact("establishedOn", null, "2009-03-02"),
                        fact("registeredRegion", null, "330302"), fact("industryCode", null, "C3823"),
                        fact("legalRepresentative", null, "林国强"),
                        fact("employees", LAST - 1, 318), fact("employees", LAST, 335),
                        fact("revenue", LAST - 1, "236000000.00"), fact("revenue", LAST, "251000000.00"),
                        fact("totalAssets", LAST, "188000000.00"), fact("rdExpense", LAST, "8200000.00"),
                        fact("patents.invention", null, 7), fact("patents.utilityModel", null, 36))),
                "wz-staff", "wz-admin");
    }
}
