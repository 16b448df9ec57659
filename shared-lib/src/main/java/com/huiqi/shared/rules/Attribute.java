package com.huiqi.shared.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An enterprise attribute a rule may test (匹配指标的数据项), such as {@code revenue} (营业收入).
 *
 * @param name          the stable name rules use; dotted for grouped figures ({@code patents.invention})
 * @param type          how the enterprise file keeps it
 * @param unit          the unit shown after a figure (人, 件, 元), or {@code null}
 * @param labelZh       the Chinese label shown in match reasons
 * @param labelEn       the English label
 * @param allowedValues for a text attribute with a closed vocabulary (企业规模: 大型/中型/小型/微型),
 *                      the only values a rule may name; empty when open
 */
public record Attribute(String name, AttributeType type, String unit, String labelZh, String labelEn,
                        List<String> allowedValues) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");

    public Attribute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Attribute names are lower camel case, dotted for groups: " + name);
        }
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (!allowedValues.isEmpty() && type != AttributeType.TEXT && type != AttributeType.TEXT_SET) {
            throw new IllegalArgumentException("Only text attributes have a closed vocabulary: " + name);
        }
    }

    public Attribute(String name, AttributeType type, String unit, String labelZh, String labelEn) {
        this(name, type, unit, labelZh, labelEn, List.of());
    }

    public boolean series() {
        return type.series();
    }
}
