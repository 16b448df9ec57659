package com.huiqi.publish.compilation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.publish.links.EntryLinks;
import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.Condition;
import com.huiqi.publish.model.Level;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Both renderings of one compilation, read back: the workbook with POI, the page as text. */
class CompilationRenderingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Compilation sample() {
        PolicyDocument document = new PolicyDocument("高新技术企业认定管理办法", "关于修订印发《高新技术企业认定管理办法》的通知", "办法",
                "国科发火〔2016〕32号", Level.NATIONAL, "100000", List.of("100000"), "第一条 为扶持和鼓励高新技术企业的发展……",
                "科技创新政策", List.of("减免"), List.of(), "科技部", List.of("科技部", "财政部"), List.of("科技部"),
                LocalDate.of(2016, 1, 29), LocalDate.of(2016, 1, 1), null);
        BusinessVariety variety = new BusinessVariety("国家高新技术企业认定", Level.NATIONAL, "100000", List.of("100000"),
                BusinessVariety.VarietyType.RECOGNITION, "科技部", 2008, List.of("D-HT"));
        BusinessItem item = new BusinessItem("高新技术企业申报", "国家高新技术企业认定申报", Level.NATIONAL, "100000",
                List.of("100000"), BusinessItem.ItemKind.APPLICATION, 2008, "科技部", "S-HT", List.of(
                        new Condition("registered-1y", "企业申请认定时须注册成立一年以上", "hard", null, null),
                        new Condition("ip", "拥有<核心>知识产权 & 自主", "soft", 20, null)));
        ApplicationNotice notice = new ApplicationNotice("BZ-HT", "关于组织开展2026年度高新技术企业认定申报工作的通知", null,
                Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-12-15T09:00:00Z"), "网上申报",
                List.of(new ApplicationNotice.Material("申请书", "PDF", true, null)),
                List.of(new ApplicationNotice.Contact("陈科长", "0512-66681234", null)), false, 0);
        PolicyProduct product = new PolicyProduct("<script>alert(1)</script>高企", "描述", "企业资质认定", "科技创新", "320571",
                "科创委", List.of("BZ-HT"), List.of("D-HT"), false);
        return new Compilation("园区政策汇编", "苏州工业园区企业服务中心", Instant.parse("2026-12-01T02:00:00Z"), SHANGHAI,
                List.of("层级：国家级"), List.of(new Compilation.Product("P-HT", product, "https://huiqi.example/t/sip/products/P-HT",
                List.of(new Compilation.Item("BZ-HT", item, variety, List.of(new Compilation.Notice("N-HT", notice,
                        "https://huiqi.example/t/sip/notices/N-HT", true)))),
                List.of(new Compilation.Document("D-HT", document)))));
    }

    @Test
    void theWorkbookHasOneSheetPerThingWithDateCellsInTheCentersZone() throws Exception {
        byte[] bytes = new XlsxCompilation(sample()).render();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(List.of("汇编信息", "政策产品", "业务事项", "申报条件", "申报通知", "政策文件"),
                    List.of(0, 1, 2, 3, 4, 5).stream().map(i -> workbook.getSheetName(i)).toList());
            assertEquals("园区政策汇编", workbook.getProperties().getCoreProperties().getTitle());
            Sheet products = workbook.getSheet("政策产品");
            assertEquals("产品编码", products.getRow(0).getCell(0).getStringCellValue());
            assertEquals("<script>alert(1)</script>高企", products.getRow(1).getCell(1).getStringCellValue(),
                    "a cell holds the text as it is");
            assertEquals("https://huiqi.example/t/sip/products/P-HT", products.getRow(1).getCell(10).getHyperlink().getAddress());
            Sheet conditions = workbook.getSheet("申报条件");
            assertEquals(2, conditions.getLastRowNum());
            assertEquals("拥有<核心>知识产权 & 自主", conditions.getRow(2).getCell(5).getStringCellValue());
            assertEquals(20, conditions.getRow(2).getCell(7).getNumericCellValue());
            Sheet notices = workbook.getSheet("申报通知");
            assertEquals(LocalDateTime.of(2026, 12, 15, 17, 0), notices.getRow(1).getCell(6).getLocalDateTimeCellValue());
            assertEquals("国科发火〔2016〕32号", workbook.getSheet("政策文件").getRow(1).getCell(2).getStringCellValue());
            assertEquals("长期", workbook.getSheet("政策文件").getRow(1).getCell(7).getStringCellValue());
        }
    }

    @Test
    void thePageEscapesCatalogueTextAndCarriesNoScript() {
        String html = new String(new HtmlCompilation(sample(), new EntryLinks()).render(), StandardCharsets.UTF_8);
        assertFalse(html.toLowerCase().contains("<script"), "no script, and none from the catalogue");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;高企"));
        assertTrue(html.contains("拥有&lt;核心&gt;知识产权 &amp; 自主"));
        assertTrue(html.contains("2026年12月15日 17:00"), "times in the center's zone");
        assertTrue(html.contains("国科发火〔2016〕32号"));
        assertEquals(2, html.split("src=\"data:image/png;base64,", -1).length - 1, "a QR code for the product and the notice");
    }

    @Test
    void aRegionIsCoveredByItselfAndTheRegionsAboveIt() {
        assertTrue(CompilationFilter.covers("100000", "320571"));
        assertTrue(CompilationFilter.covers("320000", "320571"));
        assertTrue(CompilationFilter.covers("320500", "320571"));
        assertTrue(CompilationFilter.covers("320571", "320571"));
        assertFalse(CompilationFilter.covers("320571", "320500"), "a district's item does not cover its whole city");
        assertFalse(CompilationFilter.covers("330300", "320571"));
        assertFalse(CompilationFilter.covers("320000", "100000"));
        assertTrue(CompilationFilter.covers("100000", "100000"));
    }
}
