package com.huiqi.enterprises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.huiqi.shared.enterprise.FieldType;
import com.huiqi.shared.enterprise.FileField;

/**
 * Masks personal data (个人信息脱敏) for readers who need to know that a value exists but not what
 * it is, and for the audit trail: identity numbers keep their first 4 and last 4 characters,
 * phones their first 3 and last 4 digits, names their first character.
 */
final class Masking {

    private Masking() {
    }

    static JsonNode mask(FileField field, JsonNode value) {
        if (!field.personal() || value == null) {
            return value;
        }
        if (field.type() == FieldType.RECORDS) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode contact : value) {
                ObjectNode c = contact.deepCopy();
                if (c.hasNonNull("name")) {
                    c.put("name", name(c.get("name").asText()));
                }
                if (c.hasNonNull("phone")) {
                    c.put("phone", keep(c.get("phone").asText(), 3, 4));
                }
                if (c.hasNonNull("email")) {
                    String email = c.get("email").asText();
                    c.put("email", keep(email.substring(0, email.indexOf('@')), 1, 0) + email.substring(email.indexOf('@')));
                }
                out.add(c);
            }
            return out;
        }
        String text = value.asText();
        return TextNode.valueOf(field.type() == FieldType.ID_NUMBER ? keep(text, 4, 4) : keep(text, 3, 4));
    }

    static String name(String name) {
        return name.isEmpty() ? name : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    static String keep(String text, int head, int tail) {
        if (text.length() <= head + tail) {
            return "*".repeat(text.length());
        }
        return text.substring(0, head) + "*".repeat(text.length() - head - tail) + text.substring(text.length() - tail);
    }
}
