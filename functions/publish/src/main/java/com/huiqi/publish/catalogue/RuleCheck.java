package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

/**
 * Validates a condition's rule and returns it in canonical form. Until the rule language lands in
 * shared-lib this accepts any JSON object; the next step is to parse it with the shared parser.
 */
@Singleton
public class RuleCheck {

    public JsonNode check(JsonNode rule) {
        return rule;
    }
}
