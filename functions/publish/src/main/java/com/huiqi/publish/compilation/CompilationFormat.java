package com.huiqi.publish.compilation;

import com.huiqi.shared.error.ApiException;
import java.util.Arrays;

/** The forms a compilation (政策汇编) comes in: a spreadsheet to work with, a page to print. */
public enum CompilationFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment"),
    // Inline: the page opens in the browser, which prints it.
    HTML("html", "text/html; charset=utf-8", "inline");

    private final String value;
    private final String mediaType;
    private final String disposition;

    CompilationFormat(String value, String mediaType, String disposition) {
        this.value = value;
        this.mediaType = mediaType;
        this.disposition = disposition;
    }

    public String value() {
        return value;
    }

    public String mediaType() {
        return mediaType;
    }

    public String disposition() {
        return disposition;
    }

    static CompilationFormat of(String raw) {
        if (raw == null) {
            throw ApiException.validation("format", "缺少汇编格式，须为 xlsx 或 html", "format is required: xlsx or html");
        }
        return Arrays.stream(values()).filter(f -> f.value.equals(raw)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("INVALID_FORMAT", "汇编格式须为 xlsx 或 html：" + raw,
                        "format must be xlsx or html: " + raw, "format"));
    }
}
