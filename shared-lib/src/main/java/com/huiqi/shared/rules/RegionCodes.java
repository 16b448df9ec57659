package com.huiqi.shared.rules;

import java.util.regex.Pattern;

/**
 * Containment of GB/T 2260 administrative division codes (行政区划代码): two digits for the province,
 * two for the prefecture, two for the county. 320000 is a province, 320500 a prefecture, 320571 a
 * county-level unit within both.
 */
public final class RegionCodes {

    private static final Pattern CODE = Pattern.compile("[1-9]\\d{5}");

    private RegionCodes() {
    }

    public static boolean valid(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        // A prefecture part of 00 only occurs in a province's own code (320000), never as 320071.
        return !code.startsWith("00", 2) || code.endsWith("0000");
    }

    /** How many leading digits the code fixes: 2 for a province, 4 for a prefecture, 6 for a county. */
    static int precision(String code) {
        if (code.endsWith("0000")) {
            return 2;
        }
        return code.endsWith("00") ? 4 : 6;
    }

    /**
     * Whether the enterprise's code is exactly {@code wanted}. A code short of county level only says
     * "somewhere in this province or prefecture", so it is never exactly equal to anything: unknown
     * when a finer code could still be {@code wanted}, false when none could.
     */
    static Truth same(String actual, String wanted) {
        int have = precision(actual);
        int want = precision(wanted);
        if (within(actual, wanted) == Truth.FALSE || have > want) {
            return Truth.FALSE;
        }
        return have == 6 ? Truth.TRUE : Truth.UNKNOWN;
    }

    /**
     * Whether an enterprise registered in {@code actual} lies within {@code region}. Unknown when the
     * enterprise's code is coarser than the region asked for (a file that only says 320500 cannot
     * tell whether it is within 320571) — that is missing data, not a "no".
     */
    static Truth within(String actual, String region) {
        int have = precision(actual);
        int want = precision(region);
        int common = Math.min(have, want);
        if (!actual.regionMatches(0, region, 0, common)) {
            return Truth.FALSE;
        }
        return have >= want ? Truth.TRUE : Truth.UNKNOWN;
    }
}
