package com.huiqi.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-HTTP event of a function in template.yaml that the local stack delivers as AWS would: an
 * EventBridge schedule ({@code Type: Schedule}) or a DynamoDB stream ({@code Type: DynamoDB}).
 */
public sealed interface EventSourceSpec {

    /** The function's logical id. */
    String function();

    /** The event's name under the function's {@code Events}. */
    String name();

    /**
     * {@code Type: Schedule} with a {@code rate(...)} expression. Cron expressions are refused when
     * the template is read: the local stack would run them at the wrong times, silently.
     */
    record Schedule(String function, String name, Duration rate) implements EventSourceSpec {

        private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

        public static Schedule of(String function, String name, String expression) {
            Matcher m = RATE.matcher(expression == null ? "" : expression.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("event " + function + "." + name + ": the local stack runs "
                        + "rate(N minutes|hours|days) schedules only, not " + expression);
            }
            long n = Long.parseLong(m.group(1));
            Duration rate = switch (m.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(n);
                case "hour", "hours" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Schedule(function, name, rate);
        }
    }

    /**
     * {@code Type: DynamoDB}: the stream of the table {@code tableLogicalId}, in batches of at most
     * {@code batchSize} records gathered for up to {@code batchingWindow} (MaximumBatchingWindowInSeconds;
     * zero: what is waiting), keeping only records that match one of {@code filterPatterns}
     * (Lambda's event filtering; none means all records), retried {@code maximumRetryAttempts}
     * times when the function fails.
     */
    record Stream(String function, String name, String tableLogicalId, int batchSize, Duration batchingWindow,
                  List<JsonNode> filterPatterns, int maximumRetryAttempts) implements EventSourceSpec {

        public Stream {
            filterPatterns = List.copyOf(filterPatterns);
        }
    }
}
