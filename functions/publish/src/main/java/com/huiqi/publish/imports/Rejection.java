package com.huiqi.publish.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.error.Problem;

/**
 * Why one row (or the workbook itself) of an import was refused, in the import's row report.
 *
 * @param sheet     the sheet's name, e.g. 政策产品; absent for the workbook as a whole
 * @param row       the spreadsheet row number (1 is the header); absent for a whole sheet
 * @param entryCode the entry's code in that row, if it has one
 * @param field     the offending field, e.g. {@code content.itemCodes[0]}
 * @param code      the problem's stable code, as in a problem response
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(String sheet, Integer row, String entryCode, String field, String code,
                        Problem.Message message) {

    static Rejection of(String sheet, Integer row, String entryCode, ApiException e) {
        return new Rejection(sheet, row, entryCode, e.field(), e.code(), new Problem.Message(e.messageZh(), e.messageEn()));
    }

    static Rejection of(String sheet, Integer row, String entryCode, String field, String zh, String en) {
        return new Rejection(sheet, row, entryCode, field, "VALIDATION_FAILED", new Problem.Message(zh, en));
    }
}
