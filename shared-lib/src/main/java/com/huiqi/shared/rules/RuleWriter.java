package com.huiqi.shared.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.shared.json.Json;

/**
 * Writes the AST back as the canonical JSON of the rule language: fixed key order, defaults spelled
 * out ({@code "kind": "hard"}), numbers without trailing zeros, industry codes as "C3911". Parsing
 * the canonical form yields an equal AST, and writing that again yields the same text, so a
 * published rule can be stored, compared and hashed as text.
 */
public final class RuleWriter {

    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private final ObjectWriter writer = Json.newMapper().writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    public ObjectNode toJson(PolicyRule rule) {
        ObjectNode root = nodes.objectNode();
        ArrayNode list = root.putArray("conditions");
        for (Condition c : rule.conditions()) {
            ObjectNode n = list.addObject();
            if (c.id() != null) {
                n.put("id", c.id());
            }
            n.put("text", c.text());
            n.put("kind", c.kind().jsonName());
            if (c.weight() != null) {
                n.put("weight", c.weight());
            }
            n.set("rule", toJson(c.rule()));
        }
        return root;
    }

    public ObjectNode toJson(RuleExpr expr) {
        ObjectNode n = nodes.objectNode();
        if (expr instanceof RuleExpr.All all) {
            ArrayNode a = n.putArray("all");
            all.operands().forEach(o -> a.add(toJson(o)));
        } else if (expr instanceof RuleExpr.Any any) {
            ArrayNode a = n.putArray("any");
            any.operands().forEach(o -> a.add(toJson(o)));
        } else if (expr instanceof RuleExpr.Not not) {
            n.set("not", toJson(not.operand()));
        } else if (expr instanceof RuleExpr.Compare c) {
            indicator(n, c.indicator());
            n.put("op", c.op().jsonName());
            n.set("value", literal(c.value()));
        } else if (expr instanceof RuleExpr.Between b) {
            indicator(n, b.indicator());
            n.put("op", "between");
            n.putArray("value").add(literal(b.from())).add(literal(b.to()));
        } else if (expr instanceof RuleExpr.Membership m) {
            indicator(n, m.indicator());
            n.put("op", m.op().jsonName());
            ArrayNode a = n.putArray("value");
            m.values().forEach(a::add);
        } else if (expr instanceof RuleExpr.Tiered t) {
            ObjectNode tiered = n.putObject("tiered");
            indicator(tiered.putObject("by"), t.by());
            ArrayNode tiers = tiered.putArray("tiers");
            for (RuleExpr.Tier tier : t.tiers()) {
                ObjectNode tn = tiers.addObject();
                if (tier.bound() != null) {
                    tn.set(tier.bound().inclusive() ? "upTo" : "below", literal(tier.bound().value()));
                }
                tn.set("rule", toJson(tier.rule()));
            }
        }
        return n;
    }

    /** The canonical text of a rule. */
    public String canonical(PolicyRule rule) {
        return text(toJson(rule));
    }

    public String canonical(RuleExpr expr) {
        return text(toJson(expr));
    }

    private String text(JsonNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private void indicator(ObjectNode n, Indicator indicator) {
        n.put("attribute", indicator.attribute().name());
        if (indicator instanceof Indicator.Aggregate g) {
            n.put("aggregate", g.fn().jsonName());
            if (g.fn() != AggregateFn.LATEST) {
                n.put("years", g.years());
            }
        } else if (indicator instanceof Indicator.Ratio r) {
            n.put("aggregate", "ratio");
            n.put("denominator", r.denominator().name());
            if (r.years() != null) {
                n.put("years", r.years());
            }
        }
    }

    private JsonNode literal(Literal literal) {
        if (literal instanceof Literal.Quantity q) {
            return nodes.numberNode(q.value());
        }
        if (literal instanceof Literal.Money m) {
            return nodes.textNode(m.toString());
        }
        if (literal instanceof Literal.Percent p) {
            return nodes.textNode(p.percent().toPlainString() + "%");
        }
        if (literal instanceof Literal.Date d) {
            return nodes.textNode(d.date().toString());
        }
        if (literal instanceof Literal.DateAgo a) {
            return nodes.objectNode().put("ago", a.period().toString());
        }
        if (literal instanceof Literal.Text t) {
            return nodes.textNode(t.value());
        }
        return nodes.booleanNode(((Literal.Bool) literal).value());
    }
}
