package com.huiqi.shared.enterprise;

/**
 * How a figure of the enterprise file is written on the wire and kept in storage. Money is a
 * decimal string in yuan with at most two decimals ("35000000.00"), never a JSON float, so it stays
 * exact end to end.
 */
public enum FieldType {
    TEXT,
    /** One value of a closed vocabulary. */
    CODE,
    /** A whole number, not negative (people, patents). */
    COUNT,
    /** Yuan, not negative. */
    MONEY,
    /** Yuan, may be negative (net profit). */
    SIGNED_MONEY,
    DATE,
    /** GB/T 2260 administrative division code. */
    REGION_CODE,
    /** GB/T 4754-2017 industry code, kept as section letter and digits ("C3911"). */
    INDUSTRY_CODE,
    BOOLEAN,
    /** A set of short texts, from a vocabulary when the field has one. */
    TEXT_SET,
    /** A list of structured records (grants, dishonesty records, financing rounds). */
    RECORDS,
    /** A resident identity card number (GB 11643), personal data. */
    ID_NUMBER,
    /** A mobile or landline number, personal data. */
    PHONE
}
