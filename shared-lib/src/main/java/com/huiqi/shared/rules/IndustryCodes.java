package com.huiqi.shared.rules;

/**
 * GB/T 4754-2017 industry codes (国民经济行业分类): a section letter (门类, "C" 制造业) and up to four
 * digits: division (大类, "39"), group (中类, "391"), class (小类, "3911"). Written "C3911" or "3911";
 * the digits alone determine the section, so both forms mean the same. Public for the enterprise
 * file, which keeps codes in the canonical spelling the rules compare.
 */
public final class IndustryCodes {

    /** First and last division of each section A to T (GB/T 4754-2017). */
    private static final int[][] SECTIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}};

    /** A parsed code: its section and its digits ("" when only the section is known). */
    public record Code(char section, String digits) {
    }

    private IndustryCodes() {
    }

    /**
     * The parsed code, or {@code null} when it is not a GB/T 4754-2017 code. Hand-written rather than
     * a regular expression because it runs for every enterprise a rule is matched against.
     */
    public static Code parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 5) {
            return null;
        }
        char first = text.charAt(0);
        boolean lettered = first >= 'A' && first <= 'T';
        String digits = lettered ? text.substring(1) : text;
        if (digits.isEmpty()) {
            return lettered ? new Code(first, "") : null;
        }
        if (digits.length() < 2 || digits.length() > 4) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        char section = sectionOf((digits.charAt(0) - '0') * 10 + digits.charAt(1) - '0');
        if (section == 0 || (lettered && first != section)) {
            return null;
        }
        return new Code(section, digits);
    }

    /** Canonical spelling: section letter then digits, "C3911". */
    public static String canonical(Code code) {
        return code.section() + code.digits();
    }

    private static char sectionOf(int division) {
        for (int i = 0; i < SECTIONS.length; i++) {
            if (division >= SECTIONS[i][0] && division <= SECTIONS[i][1]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    /**
     * Whether the enterprise's code is exactly {@code wanted}: unknown when it is coarser but could
     * still be it (the file says "C39", the rule asks for "C3911"), as for {@link RegionCodes#same}.
     */
    static Truth same(Code actual, Code wanted) {
        int have = actual.digits().length();
        if (within(actual, wanted) == Truth.FALSE || have > wanted.digits().length()) {
            return Truth.FALSE;
        }
        // Only a class (小类, four digits) is an enterprise's industry; anything coarser could still be refined.
        return have == 4 ? Truth.TRUE : Truth.UNKNOWN;
    }

    /** Like {@link RegionCodes#within}: unknown when the enterprise's code is coarser than asked. */
    static Truth within(Code actual, Code wanted) {
        if (actual.section() != wanted.section()) {
            return Truth.FALSE;
        }
        int common = Math.min(actual.digits().length(), wanted.digits().length());
        if (!actual.digits().regionMatches(0, wanted.digits(), 0, common)) {
            return Truth.FALSE;
        }
        return actual.digits().length() >= wanted.digits().length() ? Truth.TRUE : Truth.UNKNOWN;
    }
}
