package com.huiqi.shared.enterprise;

import com.huiqi.shared.error.ApiException;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that keys an
 * enterprise. The last character is a check character over the first 17 (mod 31 with the
 * standard's weights), which catches a single mistyped character and most transpositions.
 */
public record CreditCode(String value) {

    /** The standard's alphabet: digits and capitals without I, O, Z, S, V. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        validate("enterpriseCode", value);
    }

    /** The code, or a 422 whose {@code field} is {@code field} with the position of the error, e.g. {@code creditCode[18]}. */
    public static CreditCode parse(String field, String value) {
        validate(field, value);
        return new CreditCode(value);
    }

    public static CreditCode of(String value) {
        return new CreditCode(value);
    }

    /** Completes 17 characters with their check character: for synthetic and demo data. */
    public static CreditCode complete(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need exactly 17 characters");
        }
        return new CreditCode(first17 + checkCharacter(first17));
    }

    /** The check character the first 17 characters call for. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    private static void validate(String field, String value) {
        if (value == null || value.length() != 18) {
            throw invalid("统一社会信用代码须为18位，实际为" + (value == null ? 0 : value.length()) + "位",
                    "The unified social credit code must have 18 characters, not "
                            + (value == null ? 0 : value.length()), field, null);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                int position = i + 1;
                throw invalid("统一社会信用代码第" + position + "位“" + value.charAt(i) + "”不是有效字符",
                        "Character " + position + " ('" + value.charAt(i) + "') is not allowed in a credit code", field, position);
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw invalid("统一社会信用代码校验位（第18位）不符，请核对是否有输错的字符",
                    "The check character (position 18) does not match; a character may be mistyped", field, 18);
        }
    }

    private static ApiException invalid(String zh, String en, String field, Integer position) {
        return new ApiException(422, "INVALID_CREDIT_CODE", zh, en,
                position == null ? field : field + "[" + position + "]");
    }

    @Override
    public String toString() {
        return value;
    }
}
