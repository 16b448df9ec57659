package com.huiqi.search.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.search.catalogue.PublishedEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large published catalogue for benchmarks, shaped like a real center's: documents at four
 * levels, business varieties of the four types, one item per product (a policy product gathering
 * one item, as most do), and notices for a tenth of the items with windows around {@link #AS_OF}.
 * Names and descriptions are drawn from the vocabulary of Chinese enterprise policy, so that
 * keywords hit a realistic share of entries. Seeded: the same size gives the same catalogue.
 */
public final class SyntheticCatalogue {

    public static final Instant AS_OF = Instant.parse("2026-12-01T02:00:00Z");

    private static final String[] REGIONS = {"100000", "320000", "320500", "320571", "320505", "320506"};
    private static final String[] LEVELS = {"NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT", "DISTRICT", "DISTRICT"};
    private static final String[] TYPES = {"RECOGNITION", "PROJECT", "FUNDING", "OTHER"};
    private static final String[] SUBJECTS = {"高新技术企业", "专精特新", "科技型中小企业", "研发费用", "人才", "知识产权",
            "首台（套）重大装备", "智能制造", "数字化转型", "绿色低碳", "出口信用保险", "稳岗", "技术中心", "工业互联网",
            "集成电路", "生物医药", "新能源汽车", "人工智能", "跨境电商", "总部经济"};
    private static final String[] MEASURES = {"补贴", "奖励", "资助", "认定", "加计扣除", "贴息", "减免", "返还", "扶持",
            "培育"};
    private static final String[] DOMAINS = {"企业资质认定", "科技奖补", "财税优惠", "人才引育", "产业扶持", "知识产权",
            "就业社保", "外贸扶持", "金融支持", "绿色发展"};
    private static final String[] THEMES = {"科技创新", "专精特新", "产业升级", "人才", "开放型经济", "智能制造",
            "稳岗就业", "数字经济"};
    private static final String[] METHODS = {"资金", "减免", "荣誉", "股权投资", "贴息"};
    private static final String[] PLACES = {"苏州工业园区", "苏州市", "江苏省", "全国", "姑苏区", "吴中区"};
    private static final String[] PHRASES = {"对符合条件的企业给予一次性奖励", "按实际发生额的一定比例给予补助",
            "最高不超过500万元", "优先支持拥有自主知识产权的项目", "鼓励企业加大研发投入", "支持企业引进高层次人才",
            "对首次认定的企业给予奖励", "年度申报一次", "须在园区注册并纳税", "支持产学研合作"};

    private SyntheticCatalogue() {
    }

    /** {@code products} products with their items, plus documents, varieties and notices for them. */
    public static List<PublishedEntry> generate(int products) {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(products);
        List<PublishedEntry> entries = new ArrayList<>();
        int documents = Math.max(10, products / 40);
        int varieties = Math.max(4, products / 400);
        for (int d = 0; d < documents; d++) {
            int place = random.nextInt(REGIONS.length);
            ObjectNode c = json.createObjectNode();
            String subject = pick(random, SUBJECTS);
            c.put("name", PLACES[place] + subject + pick(random, MEASURES) + "管理办法（" + d + "）");
            c.put("type", "办法");
            c.put("documentNumber", "苏园管〔2026〕" + d + "号");
            c.put("level", LEVELS[place]);
            c.put("issuingRegion", REGIONS[place]);
            c.putArray("applicableRegions").add(REGIONS[place]);
            c.put("fullText", "为" + subject + "发展，" + pick(random, PHRASES) + "。" + pick(random, PHRASES) + "。");
            c.put("category", pick(random, DOMAINS));
            c.putArray("supportMethods").add(pick(random, METHODS));
            c.putArray("supportedIndustries");
            c.put("competentDepartment", "园区科技创新委员会");
            c.putArray("issuingUnits").add("苏州工业园区管理委员会");
            c.put("issuedOn", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2500)).toString());
            entries.add(new PublishedEntry("documents", "D-" + d, "PUBLISHED", 1, c));
        }
        for (int v = 0; v < varieties; v++) {
            ObjectNode c = json.createObjectNode();
            int place = random.nextInt(REGIONS.length);
            c.put("name", pick(random, SUBJECTS) + pick(random, MEASURES) + "品种" + v);
            c.put("level", LEVELS[place]);
            c.putArray("applicableRegions").add(REGIONS[place]);
            c.put("type", TYPES[v % TYPES.length]);
            c.putArray("documentCodes").add("D-" + random.nextInt(documents));
            entries.add(new PublishedEntry("varieties", "S-" + v, "PUBLISHED", 1, c));
        }
        for (int p = 0; p < products; p++) {
            int place = random.nextInt(REGIONS.length);
            String subject = pick(random, SUBJECTS);
            String measure = pick(random, MEASURES);
            ObjectNode item = json.createObjectNode();
            item.put("name", subject + measure + "申报" + p);
            item.put("level", LEVELS[place]);
            item.putArray("applicableRegions").add(REGIONS[place]);
            item.put("department", "园区科技创新委员会");
            item.put("varietyCode", "S-" + random.nextInt(varieties));
            ArrayNode conditions = item.putArray("conditions");
            conditions.addObject().put("text", pick(random, PHRASES));
            entries.add(new PublishedEntry("items", "BZ-" + p, "PUBLISHED", 1, item));
            ObjectNode product = json.createObjectNode();
            product.put("name", PLACES[place] + subject + measure + "（" + p + "）");
            product.put("description", subject + measure + "：" + pick(random, PHRASES) + "，" + pick(random, PHRASES) + "。");
            product.put("domain", pick(random, DOMAINS));
            product.put("theme", pick(random, THEMES));
            product.put("region", "320571");
            product.putArray("itemCodes").add("BZ-" + p);
            product.putArray("documentCodes").add("D-" + random.nextInt(documents));
            entries.add(new PublishedEntry("products", "P-" + p, "PUBLISHED", 1, product));
            if (p % 10 == 0) {
                ObjectNode notice = json.createObjectNode();
                Instant opens = AS_OF.plus(random.nextInt(120) - 90, ChronoUnit.DAYS);
                notice.put("itemCode", "BZ-" + p);
                notice.put("title", "关于申报2026年度" + subject + measure + "的通知（" + p + "）");
                notice.put("opensAt", opens.toString());
                notice.put("closesAt", opens.plus(20 + random.nextInt(60), ChronoUnit.DAYS).toString());
                notice.put("method", "园区企业服务平台在线申报");
                notice.putArray("materials").addObject().put("name", "申报书");
                entries.add(new PublishedEntry("notices", "N-" + p, "PUBLISHED", 1, notice));
            }
        }
        return entries;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
