package com.huiqi.publish.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook a center downloads to fill in: a guide sheet (说明), then one sheet per kind with
 * its header row and one example row, the examples referring to each other as real rows would
 * (the high-tech recognition, 国科发火〔2016〕32号). Built from {@link ImportSheet}, so the template
 * and the reader cannot disagree about columns.
 */
public final class ImportTemplate {

    public static final String GUIDE_SHEET = "说明";
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> GUIDE = List.of(
            "政策目录批量导入模板 / Catalogue bulk-import template",
            "每个工作表一类条目，按顺序导入与发布：政策文件 → 业务品种 → 业务事项 → 政策产品 → 申报通知；后者可引用前者或目录中已有条目的编码。",
            "第一行为表头，请勿修改表头中的英文字段名；空行会被忽略。",
            "多个取值用分号（；或;）、顿号或换行分隔；申报条件、申报材料、联系人为JSON。",
            "日期写作 2026-12-01；时间写作 2026-12-01 09:00（本中心时区），也可用Excel日期单元格。",
            "层级：国家/省/市/区；业务类型：认定类/项目类/资金类/其他类；事项类型：预征集类/政策申报类；是否：是/否。",
            "任何一行有误则整批不导入，并逐行列出原因；全部无误后，导入的条目进入待审核，由另一名工作人员审核发布。",
            "Any rejected row rejects the whole file, with a row-by-row report; a clean file is filed for review by another staff member.");

    private static final Map<ImportSheet, Map<String, String>> EXAMPLES = Map.of(
            ImportSheet.DOCUMENTS, Map.ofEntries(Map.entry("code", "D-HT-2016"), Map.entry("name", "高新技术企业认定管理办法"),
                    Map.entry("type", "办法"), Map.entry("documentNumber", "国科发火〔2016〕32号"), Map.entry("level", "国家"),
                    Map.entry("issuingRegion", "100000"), Map.entry("applicableRegions", "100000"),
                    Map.entry("fullText", "第一条 为扶持和鼓励高新技术企业的发展，根据《中华人民共和国企业所得税法》……制定本办法。"),
                    Map.entry("category", "科技创新政策"), Map.entry("supportMethods", "减免；荣誉"),
                    Map.entry("competentDepartment", "科技部"), Map.entry("issuingUnits", "科技部；财政部；国家税务总局"),
                    Map.entry("interpretingUnits", "科技部"), Map.entry("issuedOn", "2016-01-29")),
            ImportSheet.VARIETIES, Map.of("code", "S-HT-0004", "name", "国家高新技术企业认定", "level", "国家",
                    "issuingRegion", "100000", "applicableRegions", "100000", "type", "认定类", "department", "科技部",
                    "firstYear", "2008", "documentCodes", "D-HT-2016"),
            ImportSheet.ITEMS, Map.of("code", "BZ-HT-0080", "name", "高新技术企业申报", "level", "国家",
                    "issuingRegion", "100000", "applicableRegions", "100000", "kind", "政策申报类", "department", "科技部",
                    "varietyCode", "S-HT-0004",
                    "conditions", "[{\"id\":\"registered-1y\",\"text\":\"企业申请认定时须注册成立一年以上\","
                            + "\"rule\":{\"attribute\":\"establishedOn\",\"op\":\"lte\",\"value\":{\"ago\":\"P1Y\"}}}]"),
            ImportSheet.PRODUCTS, Map.of("code", "P-HT-01", "name", "高新技术企业",
                    "description", "认定为高新技术企业的条件，以及各级可享受的扶持政策。", "domain", "企业资质认定",
                    "theme", "科技创新", "region", "320571", "department", "科创委", "itemCodes", "BZ-HT-0080",
                    "documentCodes", "D-HT-2016", "automatic", "否"),
            ImportSheet.NOTICES, Map.of("code", "N-HT-2026", "itemCode", "BZ-HT-0080", "title", "关于开展2026年度高新技术企业认定工作的通知",
                    "opensAt", "2026-05-06 09:00", "closesAt", "2026-06-30 17:00", "method", "登录企业服务平台在线申报",
                    "materials", "[{\"name\":\"高新技术企业认定申请书\",\"format\":\"PDF\",\"mandatory\":true}]",
                    "contacts", "[{\"name\":\"王老师\",\"phone\":\"0512-66681234\",\"department\":\"科创委\"}]",
                    "expertReview", "是", "publicityDays", "10"));

    private ImportTemplate() {
    }

    public static byte[] workbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Sheet guide = workbook.createSheet(GUIDE_SHEET);
            for (int i = 0; i < GUIDE.size(); i++) {
                guide.createRow(i).createCell(0).setCellValue(GUIDE.get(i));
            }
            guide.setColumnWidth(0, 120 * 256);
            for (ImportSheet kind : ImportSheet.values()) {
                Sheet sheet = workbook.createSheet(kind.sheetName());
                Row head = sheet.createRow(0);
                Row example = sheet.createRow(1);
                List<String> columns = kind.columns();
                for (int c = 0; c < columns.size(); c++) {
                    var cell = head.createCell(c);
                    cell.setCellValue(ImportSheet.header(columns.get(c)));
                    cell.setCellStyle(header);
                    String value = EXAMPLES.get(kind).get(columns.get(c));
                    if (value != null) {
                        example.createCell(c).setCellValue(value);
                    }
                    sheet.setColumnWidth(c, 20 * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
