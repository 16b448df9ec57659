package com.huiqi.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM ({@code java -cp <server jar>:<ours> com.huiqi.local.ExitWithParent
 * <main class> <args...>}): runs the server's own main method, and exits when standard input
 * reaches its end, which happens when the parent JVM dies, however it dies. Uses nothing but the
 * JDK, because the child's class path holds only the server's jar and this module's classes.
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ExitWithParent <main class> [args...]");
        }
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // Nothing is ever sent; we only wait for the end of the stream.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, too.
            }
            System.exit(0);
        }, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
