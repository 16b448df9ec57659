package com.huiqi.publish.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One application condition (申报条件) of a business item: its original wording beside the
 * machine-checkable rule over enterprise attributes (Annex B: 拆解申报条件、匹配指标和规则).
 *
 * @param id     stable within the item, so a match report can name the condition
 * @param text   the condition as the policy words it
 * @param kind   {@code hard} decides eligibility; {@code soft} only raises the match degree
 * @param weight a soft condition's weight (positive); absent for hard ones
 * @param rule   the rule in the platform's rule language (absent while not yet decomposed)
 */
public record Condition(String id, String text, String kind, Integer weight, JsonNode rule) {
}
