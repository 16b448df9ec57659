package com.huiqi.tests.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Catalogue content for tests, after the national high-tech enterprise recognition (国科发火〔2016〕32号). */
public final class CatalogueSamples {

    private CatalogueSamples() {
    }

    public static Map<String, Object> document(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("type", "办法");
        d.put("documentNumber", "国科发火〔2016〕32号");
        d.put("level", "NATIONAL");
        d.put("issuingRegion", "100000");
        d.put("applicableRegions", List.of("100000"));
        d.put("fullText", "第一条 为扶持和鼓励高新技术企业的发展，根据《中华人民共和国企业所得税法》……制定本办法。");
        d.put("category", "科技创新政策");
        d.put("supportMethods", List.of("减免", "荣誉"));
        d.put("competentDepartment", "科技部");
        d.put("issuingUnits", List.of("科技部", "财政部", "国家税务总局"));
        d.put("interpretingUnits", List.of("科技部", "财政部", "国家税务总局"));
        d.put("issuedOn", "2016-01-29");
        return d;
    }

    public static Map<String, Object> variety(String documentCode) {
        return Map.of("name", "国家高新技术企业认定", "level", "NATIONAL", "issuingRegion", "100000",
                "applicableRegions", List.of("100000"), "type", "RECOGNITION", "department", "科技部",
                "firstYear", 2008, "documentCodes", List.of(documentCode));
    }

    public static Map<String, Object> item(String varietyCode) {
        return Map.of("name", "高新技术企业申报", "level", "NATIONAL", "issuingRegion", "100000",
                "applicableRegions", List.of("100000"), "kind", "APPLICATION", "department", "科技部",
                "varietyCode", varietyCode, "conditions", List.of(
                        Map.of("id", "registered-1y", "text", "企业申请认定时须注册成立一年以上"),
                        Map.of("id", "rd-staff", "text", "从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于10%")));
    }

    public static Map<String, Object> product(String itemCode) {
        return Map.of("name", "高新技术企业", "description", "该产品描述了认定为高新技术企业的条件，并集合了各级可享受的扶持政策。",
                "domain", "企业资质认定", "theme", "科技创新", "region", "320571", "department", "科创委",
                "itemCodes", List.of(itemCode));
    }
}
