package com.huiqi.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;

/** The shape every refused request must have: problem+json with a stable code and messages in Chinese and English. */
public final class Problems {

    private Problems() {
    }

    public static JsonNode assertProblem(Exchange e, int status, String code) {
        assertEquals(status, e.status(), e.body());
        assertTrue(e.contentType() != null && e.contentType().startsWith("application/problem+json"), e.contentType());
        JsonNode p = e.json();
        assertEquals(code, p.get("code").asText(), e.body());
        assertTrue(p.at("/message/zh").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), "the Chinese message is Chinese: " + p.at("/message/zh"));
        assertFalse(p.at("/message/en").asText().isBlank(), "an English message: " + e.body());
        return p;
    }

    /** And the field it names ({@code null}: none). */
    public static JsonNode assertProblem(Exchange e, int status, String code, String field) {
        JsonNode p = assertProblem(e, status, code);
        assertEquals(field, p.path("field").asText(null), e.body());
        return p;
    }
}
