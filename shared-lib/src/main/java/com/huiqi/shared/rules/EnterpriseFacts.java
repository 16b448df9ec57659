package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a rule may know about one enterprise: its file (一企一档) seen through the attribute
 * catalogue. An empty answer means "not known" and makes the conditions that need it unknown,
 * never false.
 *
 * <p>The enterprise profile implements this over the stored file; {@link FactSheet} is a plain
 * in-memory implementation. The Java type of each value follows {@link AttributeType}.
 */
public interface EnterpriseFacts {

    /** The value of a scalar attribute, or empty when the file does not have it. */
    Optional<Object> value(String attribute);

    /**
     * The figure of a per-year attribute for one fiscal year (the calendar year), or empty when the
     * file does not have that year. Money is in yuan.
     */
    Optional<BigDecimal> yearValue(String attribute, int year);
}
