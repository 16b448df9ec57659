package com.huiqi.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.huiqi.local.demo.ApiClient.Exchange;
import java.util.Map;

/** Publishing a catalogue entry in Suzhou Industrial Park as the center does: one staff member writes and submits, another approves. */
public final class Publishing {

    private Publishing() {
    }

    public static void publish(String kind, String code, Object content) {
        TestStack stack = TestStack.get();
        String author = stack.token("sip-staff");
        String reviewer = stack.token("sip-window");
        Exchange created = stack.call("POST", "/catalogue/" + kind, author, Map.of("code", code, "content", content));
        assertEquals(201, created.status(), created.body());
        long v = stack.call("POST", "/catalogue/" + kind + "/" + code + "/submit", author,
                Map.of("version", created.json().get("version").asLong())).json().get("version").asLong();
        assertEquals(200, stack.call("POST", "/catalogue/" + kind + "/" + code + "/approve", reviewer,
                Map.of("version", v)).status());
    }
}
