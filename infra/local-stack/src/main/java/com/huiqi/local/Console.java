package com.huiqi.local;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Human-readable log lines of the local stack itself ("12:00:01.234 [gateway] ..."). The functions
 * log their own structured JSON; these lines are for the developer watching the terminal.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String component;

    public Console(String component) {
        this.component = component;
    }

    public void info(String message) {
        System.out.println(prefix() + message);
    }

    public void warn(String message) {
        System.err.println(prefix() + "WARN " + message);
    }

    public void error(String message, Throwable error) {
        System.err.println(prefix() + "ERROR " + message);
        if (error != null) {
            error.printStackTrace(System.err);
        }
    }

    private String prefix() {
        return LocalTime.now().format(TIME) + " [" + component + "] ";
    }
}
