package com.huiqi.shared.rules;

import static com.huiqi.shared.rules.AttributeType.BOOLEAN;
import static com.huiqi.shared.rules.AttributeType.DATE;
import static com.huiqi.shared.rules.AttributeType.INDUSTRY_CODE;
import static com.huiqi.shared.rules.AttributeType.MONEY_SERIES;
import static com.huiqi.shared.rules.AttributeType.NUMBER;
import static com.huiqi.shared.rules.AttributeType.NUMBER_SERIES;
import static com.huiqi.shared.rules.AttributeType.REGION_CODE;
import static com.huiqi.shared.rules.AttributeType.TEXT;
import static com.huiqi.shared.rules.AttributeType.TEXT_SET;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enterprise attributes rules may test (匹配指标库). Publishing rejects a rule that names anything
 * else, so the enterprise file knows exactly which data matching needs.
 *
 * <p>To add an attribute, add one line to {@link #STANDARD}; the parser, the evaluator, the match
 * reasons and the "please supply" list all follow from it.
 */
public final class AttributeCatalog {

    private static final List<Attribute> STANDARD = List.of(
            // 基本信息
            new Attribute("registeredRegion", REGION_CODE, null, "注册地", "registered region"),
            new Attribute("industryCode", INDUSTRY_CODE, null, "所属行业", "industry"),
            new Attribute("establishedOn", DATE, null, "成立日期", "date of establishment"),
            new Attribute("sizeClass", TEXT, null, "企业规模", "size class",
                    List.of("大型", "中型", "小型", "微型")),
            new Attribute("employees", NUMBER, "人", "职工总数", "employees"),
            new Attribute("rdPersonnel", NUMBER, "人", "科技人员数", "R&D personnel"),
            new Attribute("insuredEmployees", NUMBER_SERIES, "人", "年末参保人数", "insured employees at year end"),
            // 经营情况（按会计年度）
            new Attribute("revenue", MONEY_SERIES, "元", "营业收入", "revenue"),
            new Attribute("rdExpense", MONEY_SERIES, "元", "研究开发费用", "R&D expense"),
            new Attribute("rdExpenseDomestic", MONEY_SERIES, "元", "境内研究开发费用", "R&D expense in China"),
            new Attribute("hiTechRevenue", MONEY_SERIES, "元", "高新技术产品（服务）收入",
                    "high-tech product and service revenue"),
            new Attribute("totalAssets", MONEY_SERIES, "元", "资产总额", "total assets"),
            new Attribute("netProfit", MONEY_SERIES, "元", "净利润", "net profit"),
            new Attribute("taxPaid", MONEY_SERIES, "元", "纳税总额", "tax paid"),
            // 知识产权
            new Attribute("patents.invention", NUMBER, "件", "发明专利", "invention patents"),
            new Attribute("patents.utilityModel", NUMBER, "件", "实用新型专利", "utility model patents"),
            new Attribute("softwareCopyrights", NUMBER, "件", "软件著作权", "software copyrights"),
            // 资质、荣誉与标签
            new Attribute("qualifications", TEXT_SET, null, "资质", "qualifications"),
            new Attribute("tags", TEXT_SET, null, "企业标签", "tags"),
            // 信用
            new Attribute("creditRating", TEXT, null, "纳税信用等级", "tax credit rating",
                    List.of("A", "B", "M", "C", "D")),
            new Attribute("dishonest", BOOLEAN, null, "列入严重失信主体名单", "on the list of seriously dishonest entities"),
            new Attribute("seriousViolation", BOOLEAN, null, "近一年发生重大安全、质量事故或严重环境违法行为",
                    "a major safety or quality accident or serious environmental offence in the last year"));

    private final Map<String, Attribute> byName;

    public AttributeCatalog(Collection<Attribute> attributes) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            if (map.put(a.name(), a) != null) {
                throw new IllegalArgumentException("Attribute listed twice: " + a.name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(map);
    }

    /** The platform's catalogue. */
    public static AttributeCatalog standard() {
        return new AttributeCatalog(STANDARD);
    }

    /** This catalogue plus more attributes, such as a region's own indicators. */
    public AttributeCatalog with(Attribute... more) {
        List<Attribute> all = new ArrayList<>(byName.values());
        all.addAll(List.of(more));
        return new AttributeCatalog(all);
    }

    public Optional<Attribute> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Attribute require(String name) {
        Attribute a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("Unknown attribute: " + name);
        }
        return a;
    }

    public List<Attribute> attributes() {
        return List.copyOf(byName.values());
    }
}
