package com.huiqi.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import java.time.Duration;
import java.util.function.Predicate;

/** Waiting for background work as a client does: polling a resource until it says it is done. */
public final class Polling {

    private Polling() {
    }

    /** GETs {@code path} every 100 ms until {@code done} holds for its JSON; fails after {@code limit}. */
    public static JsonNode await(String path, String token, Predicate<JsonNode> done, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Exchange e = TestStack.get().call("GET", path, token, null);
            assertEquals(200, e.status(), e.body());
            last = e.json();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not get there in " + limit.toSeconds() + " s: " + last);
    }
}
