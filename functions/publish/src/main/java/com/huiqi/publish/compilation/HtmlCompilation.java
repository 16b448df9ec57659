package com.huiqi.publish.compilation;

import com.huiqi.publish.links.EntryLinks;
import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.Condition;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A compilation as one self-contained printable page: its own print stylesheet, no scripts and
 * nothing fetched, each product and notice with its QR code inline beside its public link, so the
 * page prints (or is saved) as it is. Everything taken from the catalogue is HTML-escaped.
 */
final class HtmlCompilation {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; font-size: 11pt; line-height: 1.6;
                   color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
            h1 { font-size: 20pt; text-align: center; margin: 0 0 4mm; }
            h2 { font-size: 15pt; border-bottom: 1.5pt solid #111; padding-bottom: 1mm; margin: 0 0 3mm; }
            h3 { font-size: 12.5pt; margin: 4mm 0 2mm; }
            h4 { font-size: 11.5pt; margin: 3mm 0 1mm; }
            h5 { font-size: 11pt; margin: 2mm 0 1mm; }
            .meta { text-align: center; color: #444; font-size: 10pt; margin: 0 0 6mm; }
            .toc ol { columns: 2; padding-left: 6mm; }
            section.product { margin: 0 0 8mm; overflow: hidden; }
            .item, .notice { border-left: 2pt solid #999; padding-left: 3mm; margin: 2mm 0 3mm; overflow: hidden; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; margin: 1mm 0; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; }
            figure.qr { float: right; width: 34mm; margin: 0 0 2mm 4mm; text-align: center; }
            figure.qr img { width: 30mm; height: 30mm; image-rendering: pixelated; }
            figure.qr figcaption { font-size: 7pt; word-break: break-all; }
            a { color: inherit; }
            footer { border-top: 0.5pt solid #999; font-size: 9pt; color: #444; margin-top: 8mm; padding-top: 2mm; }
            @media print {
              body { padding: 0; max-width: none; }
              .toc { break-after: page; page-break-after: always; }
              section.product { break-before: page; page-break-before: always; }
              .item, .notice, figure.qr, li { break-inside: avoid; page-break-inside: avoid; }
              a { text-decoration: none; }
            }
            """;

    private final Compilation compilation;
    private final EntryLinks links;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    HtmlCompilation(Compilation compilation, EntryLinks links) {
        this.compilation = compilation;
        this.links = links;
    }

    byte[] render() {
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(compilation.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>").append(esc(compilation.title())).append("</h1>\n<p class=\"meta\">编制单位：")
                .append(esc(compilation.center())).append("　生成时间：").append(time(compilation.generatedAt()))
                .append("　筛选条件：").append(compilation.filters().isEmpty() ? "全部已发布政策"
                        : esc(String.join("；", compilation.filters())))
                .append("　共").append(compilation.products().size()).append("个政策产品</p>\n</header>\n");
        if (compilation.products().isEmpty()) {
            out.append("<p>没有符合筛选条件的已发布政策产品。</p>\n");
        } else {
            toc();
            int n = 0;
            for (Compilation.Product p : compilation.products()) {
                product(++n, p);
            }
        }
        out.append("<footer>本汇编根据").append(esc(compilation.center()))
                .append("已发布的政策目录生成，仅收录已发布的内容；申报通知只列出尚未截止的。扫描二维码或打开链接可查看最新版本。")
                .append("时间按 ").append(esc(compilation.zone().getId())).append(" 时区。</footer>\n</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void toc() {
        out.append("<nav class=\"toc\">\n<h2>目录</h2>\n<ol>\n");
        for (Compilation.Product p : compilation.products()) {
            out.append("<li><a href=\"#").append(anchor(p.code())).append("\">").append(esc(p.content().name()))
                    .append("</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private void product(int n, Compilation.Product p) {
        PolicyProduct c = p.content();
        out.append("<section class=\"product\" id=\"").append(anchor(p.code())).append("\">\n");
        qr(p.link(), "政策产品“" + c.name() + "”的二维码");
        out.append("<h2>").append(n).append("　").append(esc(c.name())).append("</h2>\n<dl class=\"facts\">\n");
        fact("产品编码", p.code());
        fact("政策领域", c.domain());
        fact("政策主题", c.theme());
        fact("发布地区", c.region());
        fact("主管部门", c.department());
        fact("免申即享", Labels.yesNo(c.automatic()));
        out.append("</dl>\n<p class=\"description\">").append(esc(c.description())).append("</p>\n");
        out.append("<h3>业务事项</h3>\n");
        for (Compilation.Item item : p.items()) {
            item(item);
        }
        out.append("<h3>政策依据</h3>\n");
        if (p.documents().isEmpty()) {
            out.append("<p>（无已发布的政策文件）</p>\n");
        } else {
            out.append("<ul class=\"documents\">\n");
            for (Compilation.Document d : p.documents()) {
                document(d);
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private void item(Compilation.Item item) {
        BusinessItem c = item.content();
        out.append("<div class=\"item\">\n<h4>").append(esc(c.fullName())).append("（").append(esc(item.code()))
                .append("）</h4>\n<dl class=\"facts\">\n");
        fact("层级", Labels.of(c.level()));
        if (item.variety() != null) {
            fact("业务品种", item.variety().name());
            fact("业务类型", Labels.of(item.variety().type()));
        }
        fact("事项类型", Labels.of(c.kind()));
        fact("适用地区", String.join("、", c.applicableRegions()));
        fact("主管部门", c.department());
        out.append("</dl>\n<h5>申报条件</h5>\n");
        if (c.conditions().isEmpty()) {
            out.append("<p>（未列明）</p>\n");
        } else {
            out.append("<ol class=\"conditions\">\n");
            for (Condition condition : c.conditions()) {
                out.append("<li>").append(esc(condition.text())).append("<small>（")
                        .append(esc(Labels.conditionKind(condition.kind(), condition.weight()))).append("）</small></li>\n");
            }
            out.append("</ol>\n");
        }
        if (!item.notices().isEmpty()) {
            out.append("<h5>申报通知</h5>\n");
            for (Compilation.Notice notice : item.notices()) {
                notice(notice);
            }
        }
        out.append("</div>\n");
    }

    private void notice(Compilation.Notice notice) {
        ApplicationNotice c = notice.content();
        out.append("<div class=\"notice\">\n");
        qr(notice.link(), "申报通知“" + c.title() + "”的二维码");
        out.append("<p><strong>").append(esc(c.title())).append("</strong>（").append(notice.open() ? "申报中" : "尚未开始")
                .append("）</p>\n<dl class=\"facts\">\n");
        fact("申报时间", time(c.opensAt()) + " 至 " + time(c.closesAt()));
        fact("申报方式", c.method());
        if (c.conditionsSummary() != null) {
            fact("申报条件", c.conditionsSummary());
        }
        fact("申报材料", String.join("；", c.materials().stream().map(m -> m.name() + "（" + m.format() + "，"
                + (m.mandatory() ? "必要" : "次要") + "）").toList()));
        fact("联系方式", String.join("；", c.contacts().stream().map(k -> k.name() + " " + k.phone()
                + (k.department() == null ? "" : "（" + k.department() + "）")).toList()));
        out.append("</dl>\n</div>\n");
    }

    private void document(Compilation.Document d) {
        PolicyDocument c = d.content();
        out.append("<li>《").append(esc(c.name())).append("》（").append(esc(c.documentNumber())).append("），")
                .append(esc(String.join("、", c.issuingUnits()))).append(" ").append(date(c.issuedOn())).append("发布")
                .append(c.validUntil() == null ? "，长期有效" : "，有效期至" + date(c.validUntil())).append("</li>\n");
    }

    private void qr(String link, String alt) {
        out.append("<figure class=\"qr\"><img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(links.qrPng(link))).append("\" alt=\"").append(esc(alt))
                .append("\"><figcaption><a href=\"").append(esc(link)).append("\">").append(esc(link))
                .append("</a></figcaption></figure>\n");
    }

    private void fact(String name, String value) {
        out.append("<dt>").append(name).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private String time(Instant instant) {
        return instant.atZone(compilation.zone()).format(TIME);
    }

    private static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** Codes are upper-case letters, digits and hyphens, so they make valid fragment identifiers as they are. */
    private static String anchor(String code) {
        return "p-" + code;
    }

    static String esc(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(ch);
            }
        }
        return s.toString();
    }
}
