package com.huiqi.publish.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One filled row of an import sheet, as read: the entry's code and its content as JSON, to be
 * checked by the same rules as an entry created over the API.
 *
 * @param row the spreadsheet row number, for the report
 */
record ImportRow(ImportSheet sheet, int row, String code, ObjectNode content) {
}
