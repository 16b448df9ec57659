package com.huiqi.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.huiqi.local.demo.ApiClient.Exchange;
import java.util.Map;

/** Publishing a catalogue entry as a center does: one staff member writes and submits, another approves (by default in Suzhou Industrial Park). */
public final class Publishing {

    private Publishing() {
    }

    public static void publish(String kind, String code, Object content) {
        TestStack stack = TestStack.get();
        publish(stack.token("sip-staff"), stack.token("sip-window"), kind, code, content);
    }

    /** Publishing in any center: {@code author} writes and submits, {@code reviewer} (another person) approves. */
    public static void publish(String author, String reviewer, String kind, String code, Object content) {
        TestStack stack = TestStack.get();
        Exchange created = stack.call("POST", "/catalogue/" + kind, author, Map.of("code", code, "content", content));
        assertEquals(201, created.status(), created.body());
        long v = stack.call("POST", "/catalogue/" + kind + "/" + code + "/submit", author,
                Map.of("version", created.json().get("version").asLong())).json().get("version").asLong();
        assertEquals(200, stack.call("POST", "/catalogue/" + kind + "/" + code + "/approve", reviewer,
                Map.of("version", v)).status());
    }
}
