package com.huiqi.publish.compilation;

import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.Condition;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A compilation as a workbook to sort, filter and work through: an information sheet, then one
 * sheet per thing with a header row — products, items, conditions (one row each, as worded),
 * open notices and documents. Times are date cells in the center's zone; links are hyperlinks.
 * Column widths are set, not measured: measuring needs fonts a Lambda environment does not have.
 */
final class XlsxCompilation {

    /** Excel refuses longer cell texts. */
    private static final int MAX_CELL_TEXT = 32_767;

    private final Compilation compilation;
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle wrapped;
    private final CellStyle dateTime;
    private final CellStyle date;
    private final CellStyle link;

    XlsxCompilation(Compilation compilation) {
        this.compilation = compilation;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        short format = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm");
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(format);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        Font underlined = workbook.createFont();
        underlined.setUnderline(Font.U_SINGLE);
        underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        link = workbook.createCellStyle();
        link.setFont(underlined);
    }

    byte[] render() {
        workbook.getProperties().getCoreProperties().setTitle(compilation.title());
        workbook.getProperties().getCoreProperties().setCreator(compilation.center());
        information();
        products();
        items();
        conditions();
        notices();
        documents();
        try (workbook; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void information() {
        Sheet sheet = workbook.createSheet("汇编信息");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("标题", compilation.title());
        facts.put("编制单位", compilation.center());
        facts.put("生成时间", compilation.generatedAt());
        facts.put("时区", compilation.zone().getId());
        facts.put("筛选条件", compilation.filters().isEmpty() ? "全部已发布政策" : String.join("；", compilation.filters()));
        facts.put("政策产品数", compilation.products().size());
        facts.put("业务事项数", compilation.items().size());
        facts.put("申报通知数", compilation.items().stream().mapToInt(i -> i.notices().size()).sum());
        facts.put("说明", "仅收录已发布的内容；申报通知只列出尚未截止的；时间按上述时区。");
        int r = 0;
        for (Map.Entry<String, Object> fact : facts.entrySet()) {
            Row row = sheet.createRow(r++);
            set(row, 0, fact.getKey()).setCellStyle(header);
            set(row, 1, fact.getValue());
        }
        widths(sheet, 12, 60);
    }

    private void products() {
        Sheet sheet = table("政策产品", "产品编码", "产品名称", "政策领域", "政策主题", "发布地区", "主管部门", "免申即享",
                "产品描述", "业务事项", "政策依据", "公开链接");
        int r = 1;
        for (Compilation.Product p : compilation.products()) {
            PolicyProduct c = p.content();
            row(sheet, r++, p.code(), c.name(), c.domain(), c.theme(), c.region(), c.department(),
                    Labels.yesNo(c.automatic()), c.description(),
                    String.join("\n", p.items().stream().map(i -> i.content().name() + "（" + i.code() + "）").toList()),
                    String.join("\n", p.documents().stream().map(d -> documentName(d.content())).toList()),
                    new Link(p.link()));
        }
        widths(sheet, 16, 24, 14, 14, 10, 18, 8, 50, 36, 44, 48);
    }

    private void items() {
        Sheet sheet = table("业务事项", "产品编码", "产品名称", "事项编码", "事项名称", "层级", "业务品种", "业务类型", "事项类型",
                "适用地区", "主管部门", "申报条件数", "申报中或即将开始的通知");
        int r = 1;
        for (Compilation.Product p : compilation.products()) {
            for (Compilation.Item item : p.items()) {
                BusinessItem c = item.content();
                row(sheet, r++, p.code(), p.content().name(), item.code(), c.fullName(), Labels.of(c.level()),
                        item.variety() == null ? "" : item.variety().name(),
                        item.variety() == null ? "" : Labels.of(item.variety().type()), Labels.of(c.kind()),
                        String.join("、", c.applicableRegions()), c.department(), c.conditions().size(),
                        String.join("\n", item.notices().stream().map(n -> n.content().title()).toList()));
            }
        }
        widths(sheet, 16, 24, 18, 30, 10, 24, 8, 10, 16, 18, 8, 50);
    }

    private void conditions() {
        Sheet sheet = table("申报条件", "产品编码", "事项编码", "事项名称", "序号", "条件编号", "条件原文", "条件类型", "权重");
        int r = 1;
        for (Compilation.Product p : compilation.products()) {
            for (Compilation.Item item : p.items()) {
                List<Condition> conditions = item.content().conditions();
                for (int i = 0; i < conditions.size(); i++) {
                    Condition c = conditions.get(i);
                    row(sheet, r++, p.code(), item.code(), item.content().name(), i + 1, c.id(), c.text(),
                            "soft".equals(c.kind()) ? "加分条件" : "硬性条件", c.weight() == null ? "" : c.weight());
                }
            }
        }
        widths(sheet, 16, 18, 24, 6, 16, 70, 10, 6);
    }

    private void notices() {
        Sheet sheet = table("申报通知", "通知编码", "通知标题", "事项编码", "产品编码", "状态", "开始时间", "截止时间", "申报方式",
                "申报材料", "联系方式", "公开链接");
        int r = 1;
        for (Compilation.Product p : compilation.products()) {
            for (Compilation.Item item : p.items()) {
                for (Compilation.Notice n : item.notices()) {
                    ApplicationNotice c = n.content();
                    row(sheet, r++, n.code(), c.title(), item.code(), p.code(), n.open() ? "申报中" : "尚未开始",
                            c.opensAt(), c.closesAt(), c.method(),
                            String.join("\n", c.materials().stream().map(m -> m.name() + "（" + m.format() + "，"
                                    + (m.mandatory() ? "必要" : "次要") + "）").toList()),
                            String.join("\n", c.contacts().stream().map(k -> k.name() + " " + k.phone()).toList()),
                            new Link(n.link()));
                }
            }
        }
        widths(sheet, 16, 44, 18, 16, 10, 17, 17, 30, 40, 24, 48);
    }

    private void documents() {
        Sheet sheet = table("政策文件", "文件编码", "文件名称", "发文字号", "层级", "发文单位", "主管部门", "发布日期", "有效期至",
                "相关产品");
        Map<String, Compilation.Document> documents = new LinkedHashMap<>();
        Map<String, List<String>> products = new LinkedHashMap<>();
        for (Compilation.Product p : compilation.products()) {
            for (Compilation.Document d : p.documents()) {
                documents.putIfAbsent(d.code(), d);
                products.computeIfAbsent(d.code(), k -> new ArrayList<>()).add(p.code());
            }
        }
        int r = 1;
        for (Compilation.Document d : documents.values()) {
            PolicyDocument c = d.content();
            row(sheet, r++, d.code(), c.name(), c.documentNumber(), Labels.of(c.level()), String.join("、", c.issuingUnits()),
                    c.competentDepartment(), c.issuedOn(), c.validUntil() == null ? "长期" : c.validUntil(),
                    String.join("、", products.get(d.code())));
        }
        widths(sheet, 18, 40, 28, 10, 30, 18, 12, 12, 30);
    }

    private record Link(String url) {
    }

    /** A sheet whose first row names the columns, frozen and filterable. */
    private Sheet table(String name, String... columns) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            set(row, i, columns[i]).setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.length - 1));
        return sheet;
    }

    private void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            set(row, i, values[i]);
        }
    }

    private Cell set(Row row, int column, Object value) {
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Instant instant) {
            cell.setCellValue(instant.atZone(compilation.zone()).toLocalDateTime());
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value instanceof Link l) {
            cell.setCellValue(l.url());
            Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(l.url());
            cell.setHyperlink(hyperlink);
            cell.setCellStyle(link);
        } else {
            String text = String.valueOf(value);
            cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT - 1) + "…" : text);
            if (text.indexOf('\n') >= 0) {
                cell.setCellStyle(wrapped);
            }
        }
        return cell;
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            // Widths are in 1/256 of a character; CJK characters are about two wide.
            sheet.setColumnWidth(i, characters[i] * 2 * 256);
        }
    }

    private static String documentName(PolicyDocument d) {
        return "《" + d.name() + "》（" + d.documentNumber() + "）";
    }
}
