package com.huiqi.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.enterprise.EnterpriseFile;
import com.huiqi.shared.enterprise.EnterpriseItems;
import com.huiqi.shared.enterprise.EnterpriseProfile;
import com.huiqi.shared.enterprise.FactChange;
import com.huiqi.shared.enterprise.FactChanges;
import com.huiqi.shared.enterprise.FactSource;
import com.huiqi.shared.enterprise.FieldState;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.enterprise.Portrait;
import com.huiqi.shared.enterprise.SizeStandard;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.BulkLoad;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.storage.TenantStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic enterprises for a demo center's directory: plausible and varied (valid credit codes of
 * the center's districts, real GB/T 2260 district and GB/T 4754-2017 class codes, figures whose size
 * and growth hang together), the same on every run for a tenant, so a second run finds them all and
 * writes nothing. They are loaded through shared-lib's {@link BulkLoad}, as an import would load
 * them: every figure a department import with source reference {@value #SOURCE_REF}, recorded by
 * {@value #ACTOR}, and every hundred files an {@code enterprise.import} audit record naming them.
 * They hold no personal data.
 */
public final class SyntheticEnterprises {

    static final String SOURCE_REF = "demo-seed/synthetic";
    static final String ACTOR = "demo-seed";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LAST_YEAR = LocalDate.now(CHINA).getYear() - 1;
    private static final int AUDIT_BATCH = 100;

    /** Real GB/T 4754-2017 classes, with the word a name uses and what R&D share is plausible (‰ of revenue). */
    private record Industry(String code, String word, int rdPerMille, List<String> techDomains) {
    }

    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("C3985", "电子材料", 55, List.of("电子信息", "新材料")),
            new Industry("C3973", "集成电路", 90, List.of("电子信息")),
            new Industry("C3976", "光电科技", 60, List.of("电子信息")),
            new Industry("C3911", "计算机", 40, List.of("电子信息")),
            new Industry("C3921", "通信设备", 60, List.of("电子信息")),
            new Industry("C2761", "生物制药", 80, List.of("生物与新医药")),
            new Industry("C2710", "医药化工", 45, List.of("生物与新医药")),
            new Industry("C3581", "医疗器械", 65, List.of("生物与新医药")),
            new Industry("C3421", "精密机床", 35, List.of("先进制造与自动化")),
            new Industry("C3484", "精密机械", 25, List.of("先进制造与自动化")),
            new Industry("C3670", "汽车零部件", 30, List.of("先进制造与自动化")),
            new Industry("C3821", "电气", 30, List.of("新能源与节能")),
            new Industry("C3823", "电气设备", 35, List.of("新能源与节能")),
            new Industry("C3841", "新能源", 50, List.of("新能源与节能")),
            new Industry("C2927", "塑料制品", 10, List.of()),
            new Industry("C1713", "印染", 8, List.of()),
            new Industry("C1810", "服饰", 6, List.of()),
            new Industry("C1951", "鞋业", 6, List.of()),
            new Industry("C3311", "钢结构", 12, List.of()),
            new Industry("E4710", "建设工程", 5, List.of()),
            new Industry("F5211", "商贸", 0, List.of()),
            new Industry("H6110", "酒店管理", 0, List.of()),
            new Industry("H6210", "餐饮管理", 0, List.of()),
            new Industry("I6513", "软件", 120, List.of("电子信息", "高技术服务")),
            new Industry("I6520", "芯片设计", 150, List.of("电子信息")),
            new Industry("I6531", "信息技术", 80, List.of("电子信息", "高技术服务")),
            new Industry("M7320", "工程技术", 150, List.of("高技术服务")),
            new Industry("L7211", "企业管理", 0, List.of()),
            new Industry("K7020", "物业服务", 0, List.of()),
            new Industry("G5920", "仓储物流", 0, List.of()));

    private static final List<String> BRANDS = List.of("华", "瑞", "鼎", "恒", "晟", "博", "创", "远", "天", "宏", "信",
            "达", "智", "光", "金", "新", "泰", "联", "嘉", "盛", "中", "和", "科", "鑫", "安", "通", "凯", "优", "致", "图");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "朱", "胡", "林", "郑", "何", "高", "郭", "潘");
    private static final List<String> GIVEN = List.of("伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东", "国庆");

    private final ObjectMapper mapper;

    public SyntheticEnterprises(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What one load did, for the start-up log. */
    public record Loaded(int created, int existing, int items, long millis) {
    }

    /**
     * Loads {@code count} synthetic enterprises into {@code store}'s tenant, whose districts are
     * {@code districts} (GB/T 2260) and whose place name prefixes the enterprise names.
     */
    public Loaded load(TenantStore store, String place, List<String> districts, int count) {
        long started = System.nanoTime();
        Caller actor = new Caller(ACTOR, ACTOR, store.keys().tenant(), Set.of(Role.STAFF), Optional.empty());
        BulkLoad load = store.bulkLoad(actor, "demo-seed-" + store.keys().tenant().value());
        Random random = new Random(store.keys().tenant().value().hashCode());
        Instant now = Instant.now();
        // Draw every enterprise first, whether or not it exists, so every run draws the same sequence.
        Map<String, List<FactChange>> drawn = new LinkedHashMap<>();
        while (drawn.size() < count) {
            String district = districts.get(random.nextInt(districts.size()));
            String code = code(random, district);
            if (!drawn.containsKey(code)) {
                drawn.put(code, facts(random, place, district));
            }
        }
        Set<String> existing = existingCodes(store, List.copyOf(drawn.keySet()));
        int created = 0;
        int skipped = 0;
        int items = 0;
        List<String> batch = new ArrayList<>();
        for (Map.Entry<String, List<FactChange>> enterprise : drawn.entrySet()) {
            String code = enterprise.getKey();
            if (existing.contains(code)) {
                skipped++;
                continue;
            }
            EnterpriseFile file = file(code, enterprise.getValue(), now);
            load.put(EnterpriseItems.fileKey(store.keys(), code), EnterpriseItems.FILE,
                    new EnterpriseItems.FileItem(file, EnterpriseProfile.of(file, 1, now)));
            batch.add(code);
            created++;
            if (batch.size() == AUDIT_BATCH) {
                audit(load, batch);
                // A few hundred files at a time, so the seed holds that many in memory, not 2,000.
                items += flush(load);
            }
        }
        if (!batch.isEmpty()) {
            audit(load, batch);
        }
        items += flush(load);
        return new Loaded(created, skipped, items, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes what the load holds; returns how many items that was. */
    private static int flush(BulkLoad load) {
        int items = load.size();
        // Two connections: DynamoDB Local writes to one SQLite file, so more only queue up.
        load.flush(2);
        return items;
    }

    /**
     * One audit record per hundred files, naming each, as an import job would record its batches:
     * the trail says who loaded which enterprises from which source, and every figure in a file
     * carries the same source itself, without 2,000 records crowding a center's trail for the day.
     */
    private static void audit(BulkLoad load, List<String> codes) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", FactSource.DEPARTMENT_IMPORT);
        after.put("sourceRef", SOURCE_REF);
        after.put("creditCodes", List.copyOf(codes));
        load.audit("enterprise.import", "enterprise", codes.get(0) + ".." + codes.get(codes.size() - 1), null, after);
        codes.clear();
    }

    private EnterpriseFile file(String code, List<FactChange> facts, Instant now) {
        Map<String, FieldState> state = new HashMap<>();
        for (int from = 0; from < facts.size(); from += FactChanges.MAX_CHANGES) {
            state = FactChanges.apply(state, facts.subList(from, Math.min(facts.size(), from + FactChanges.MAX_CHANGES)),
                    FactSource.DEPARTMENT_IMPORT, SOURCE_REF, ACTOR, now, "facts", mapper).facts();
        }
        LocalDate today = LocalDate.now(CHINA);
        Lifecycle.Event registered = new Lifecycle.Event(Lifecycle.EventKind.REGISTERED, today, "演示数据", now, ACTOR);
        Portrait.Derived d = Portrait.derive(state, List.of(), SizeStandard.defaultStandard(), today, now);
        return new EnterpriseFile(code, Lifecycle.Status.ACTIVE, List.of(registered), state, List.of(), d.tags(), d.size(),
                now, now);
    }

    /** 91 (企业, 工商), the district, 9 characters of organisation code starting MA, the check character. */
    private static String code(Random random, String district) {
        StringBuilder b = new StringBuilder("91").append(district).append("MA");
        for (int i = 0; i < 7; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return CreditCode.complete(b.toString()).value();
    }

    private List<FactChange> facts(Random r, String place, String district) {
        Industry industry = INDUSTRIES.get(r.nextInt(INDUSTRIES.size()));
        String name = place + BRANDS.get(r.nextInt(BRANDS.size())) + BRANDS.get(r.nextInt(BRANDS.size()))
                + industry.word() + (r.nextInt(5) == 0 ? "股份有限公司" : "有限公司");
        int age = 1 + (int) Math.round(Math.abs(r.nextGaussian()) * 9);
        LocalDate established = LocalDate.now(CHINA).minusYears(age).minusDays(r.nextInt(365));
        // Employees spread log-normally, from a handful to well over a thousand.
        int employees = (int) Math.max(3, Math.round(Math.exp(3.3 + r.nextGaussian() * 1.1)));
        // Revenue per employee 20万 to 150万 yuan, depending on the business.
        long perEmployee = 200_000 + r.nextInt(1_300_000);
        // Revenue growth per year, in whole percent: -8% to +37%.
        BigDecimal growth = BigDecimal.valueOf(92 + r.nextInt(46)).divide(BigDecimal.valueOf(100));
        BigDecimal staffGrowth = BigDecimal.ONE.add(growth.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(2)));

        List<FactChange> f = new ArrayList<>();
        f.add(change("name", null, text(name)));
        f.add(change("enterpriseType", null, text(r.nextInt(5) == 0 ? "股份有限公司" : "有限责任公司")));
        f.add(change("establishedOn", null, text(established.toString())));
        f.add(change("registeredRegion", null, text(district)));
        f.add(change("industryCode", null, text(industry.code())));
        f.add(change("registeredCapital", null, money(BigDecimal.valueOf((1 + r.nextInt(100)) * 500_000L))));
        f.add(change("legalRepresentative", null, text(SURNAMES.get(r.nextInt(SURNAMES.size()))
                + GIVEN.get(r.nextInt(GIVEN.size())))));
        int firstYear = Math.max(established.getYear() + 1, LAST_YEAR - 2);
        BigDecimal revenue = BigDecimal.valueOf(employees * perEmployee);
        for (int year = LAST_YEAR; year >= firstYear; year--) {
            int back = LAST_YEAR - year;
            int staff = Math.max(1, BigDecimal.valueOf(employees).divide(staffGrowth.pow(back), 0, RoundingMode.HALF_UP)
                    .intValue());
            BigDecimal yearRevenue = revenue.divide(growth.pow(back), 0, RoundingMode.HALF_UP);
            f.add(change("employees", year, mapper.getNodeFactory().numberNode(staff)));
            f.add(change("revenue", year, money(yearRevenue)));
            f.add(change("totalAssets", year, money(yearRevenue.multiply(BigDecimal.valueOf(60 + r.nextInt(90)))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP))));
            f.add(change("taxPaid", year, money(yearRevenue.multiply(BigDecimal.valueOf(2 + r.nextInt(6)))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP))));
            if (industry.rdPerMille() > 0) {
                BigDecimal rd = yearRevenue.multiply(BigDecimal.valueOf(industry.rdPerMille() / 2 + r.nextInt(industry.rdPerMille())))
                        .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP);
                f.add(change("rdExpense", year, money(rd)));
                f.add(change("rdExpenseDomestic", year, money(rd.multiply(BigDecimal.valueOf(85 + r.nextInt(16)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP))));
            }
        }
        if (industry.rdPerMille() > 0) {
            f.add(change("rdPersonnel", LAST_YEAR, mapper.getNodeFactory().numberNode(
                    Math.max(1, employees * (5 + r.nextInt(30)) / 100))));
            f.add(change("patents.invention", null, mapper.getNodeFactory().numberNode(r.nextInt(12))));
            f.add(change("patents.utilityModel", null, mapper.getNodeFactory().numberNode(r.nextInt(40))));
            f.add(change("softwareCopyrights", null, mapper.getNodeFactory().numberNode(
                    industry.code().startsWith("I") ? 1 + r.nextInt(30) : r.nextInt(4))));
            if (!industry.techDomains().isEmpty()) {
                f.add(change("techDomains", null, texts(industry.techDomains()
                        .subList(0, 1 + r.nextInt(industry.techDomains().size())))));
            }
        }
        List<String> qualifications = new ArrayList<>();
        if (industry.rdPerMille() >= 30 && r.nextInt(100) < 35) {
            qualifications.add("高新技术企业");
        }
        if (industry.rdPerMille() > 0 && employees <= 500 && r.nextInt(100) < 40) {
            qualifications.add("科技型中小企业");
        }
        if (industry.code().startsWith("C") && employees >= 20 && r.nextInt(100) < 12) {
            qualifications.add(r.nextInt(4) == 0 ? "专精特新“小巨人”企业" : "专精特新中小企业");
        }
        if (!qualifications.isEmpty()) {
            f.add(change("qualifications", null, texts(qualifications)));
        }
        f.add(change("creditRating", null, text(List.of("A", "A", "A", "B", "B", "M").get(r.nextInt(6)))));
        f.add(change("seriousViolation", null, mapper.getNodeFactory().booleanNode(r.nextInt(100) < 2)));
        return f;
    }

    /** Which of the codes have a file already: read in batches of a hundred, by key, never a scan. */
    private static Set<String> existingCodes(TenantStore store, List<String> codes) {
        List<ItemKey> keys = codes.stream().map(c -> EnterpriseItems.fileKey(store.keys(), c)).toList();
        Set<String> found = new HashSet<>();
        store.getAllStored(Tables.DATA, keys, EnterpriseFile.class).values().forEach(f -> found.add(f.value().creditCode()));
        return found;
    }

    private static FactChange change(String field, Integer year, com.fasterxml.jackson.databind.JsonNode value) {
        return new FactChange(field, year, value);
    }

    private com.fasterxml.jackson.databind.JsonNode text(String value) {
        return mapper.getNodeFactory().textNode(value);
    }

    private com.fasterxml.jackson.databind.JsonNode money(BigDecimal yuan) {
        return mapper.getNodeFactory().textNode(yuan.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    private com.fasterxml.jackson.databind.JsonNode texts(List<String> values) {
        var array = mapper.getNodeFactory().arrayNode();
        values.forEach(array::add);
        return array;
    }
}
