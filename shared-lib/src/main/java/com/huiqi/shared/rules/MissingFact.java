package com.huiqi.shared.rules;

/**
 * A piece of the enterprise file a condition needs and does not have (请补充), structured so a client
 * can offer a form for it.
 *
 * @param attribute the attribute name
 * @param year      the fiscal year for a per-year attribute, else {@code null}
 */
public record MissingFact(String attribute, Integer year, String labelZh, String labelEn) {

    static MissingFact of(Attribute a, Integer year) {
        return year == null
                ? new MissingFact(a.name(), null, a.labelZh(), a.labelEn())
                : new MissingFact(a.name(), year, year + "年" + a.labelZh(), a.labelEn() + " for " + year);
    }
}
