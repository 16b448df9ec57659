package com.huiqi.shared.enterprise;

import java.util.List;

/**
 * One figure an enterprise file keeps.
 *
 * @param name       the stable name used on the wire and in storage
 * @param perYear    kept per fiscal year (the calendar year), such as revenue
 * @param declarable whether the enterprise may declare it itself; staff and departments may record
 *                   every field
 * @param personal   personal data (个人信息): encrypted at rest, masked in lists and never logged
 * @param vocabulary the allowed values of a CODE or TEXT_SET field; empty when open
 * @param maxLength  for TEXT and TEXT_SET entries, the longest accepted text
 * @param recordType for RECORDS, the record class each entry is read into
 */
public record FileField(String name, Domain domain, FieldType type, boolean perYear, boolean declarable,
                        boolean personal, String labelZh, String labelEn, List<String> vocabulary, int maxLength,
                        Class<? extends FileRecords.Entry> recordType) {

    public FileField {
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
    }
}
