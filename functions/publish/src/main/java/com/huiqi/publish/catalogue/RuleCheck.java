package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.RuleExpr;
import com.huiqi.shared.rules.RuleParser;
import com.huiqi.shared.rules.RuleWriter;
import jakarta.inject.Singleton;

/**
 * Checks a condition's rule as it is authored: parsed with the platform's rule language (a
 * malformed rule or an unknown attribute is a 422 {@code INVALID_RULE} naming the node) and
 * stored in canonical form, so two ways of writing the same rule are stored the same.
 */
@Singleton
public class RuleCheck {

    private final RuleParser parser = new RuleParser(AttributeCatalog.standard());
    private final RuleWriter writer = new RuleWriter();

    public JsonNode check(JsonNode rule) {
        return writer.toJson(parse(rule));
    }

    /** The rule itself, for trying it while it is authored (the same checks as on save). */
    public RuleExpr parse(JsonNode rule) {
        return parser.parseExpression(rule);
    }
}
