package com.huiqi.enterprises.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.error.Problem;

/**
 * Why one row of an import (or its header) was refused, as the rejects report and a rejected
 * start give it.
 *
 * @param row        the row number (1 is the header)
 * @param creditCode the row's credit code as written, if any
 * @param column     the offending column, e.g. {@code revenue@2025}
 * @param code       the problem's stable code, as in a problem response
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RowRejection(Integer row, String creditCode, String column, String code, Problem.Message message) {

    static RowRejection header(String column, String zh, String en) {
        return new RowRejection(1, null, column, "VALIDATION_FAILED", new Problem.Message(zh, en));
    }

    static RowRejection of(int row, String creditCode, String column, ApiException e) {
        return new RowRejection(row, creditCode, column, e.code(), new Problem.Message(e.messageZh(), e.messageEn()));
    }

    /** A row refused while it was read. */
    static final class Refused extends Exception {
        final RowRejection rejection;

        Refused(int row, String creditCode, String column, String code, String zh, String en) {
            super(en, null, false, false);
            this.rejection = new RowRejection(row, creditCode, column, code, new Problem.Message(zh, en));
        }
    }

    /** The report's header line; the report is UTF-8 with a byte order mark, so spreadsheet programs read the Chinese. */
    static final String CSV_HEADER = "\uFEFF行号 row,统一社会信用代码 creditCode,列 column,错误代码 code,原因 reason (zh),reason (en)\r\n";

    String csvLine() {
        return (row == null ? "" : row.toString()) + "," + cell(creditCode) + "," + cell(column) + "," + code + ","
                + cell(message.zh()) + "," + cell(message.en()) + "\r\n";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
