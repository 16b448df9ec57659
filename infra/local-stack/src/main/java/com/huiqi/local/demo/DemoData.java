package com.huiqi.local.demo;

import com.huiqi.shared.enterprise.CreditCode;
import java.util.List;

/**
 * The demo tenants and their people: two real-world-shaped centers (Suzhou Industrial Park and
 * Wenzhou), each with an admin, service staff, departments, an expert, an auditor and an
 * enterprise user. Every account logs in with {@link #PASSWORD}; this is local demo data only.
 */
public final class DemoData {

    public static final String PASSWORD = "Huiqi-Demo-2026";

    public record Department(String id, String name, String kind, String contactName, String contactPhone) {
    }

    public record Person(String username, String name, List<String> roles, String departmentId,
                         String enterpriseCode, List<String> expertise) {
    }

    /**
     * @param catalogueAuthor   the staff member who decomposes and submits the demo catalogue
     * @param catalogueReviewer another editor, who reviews and publishes it (never the author)
     */
    public record DemoTenant(String code, String name, String regionCode, Person admin,
                             List<Department> departments, List<Person> people,
                             String catalogueAuthor, String catalogueReviewer) {
    }

    private DemoData() {
    }

    public static List<DemoTenant> tenants() {
        return List.of(suzhou(), wenzhou());
    }

    static DemoTenant suzhou() {
        return new DemoTenant("sip", "苏州工业园区企业服务中心", "320571",
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
                "sip-staff", "sip-window");
    }

    static DemoTenant wenzhou() {
        return new DemoTenant("wenzhou", "温州市企业服务中心", "330300",
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
                "wz-staff", "wz-admin");
    }
}
