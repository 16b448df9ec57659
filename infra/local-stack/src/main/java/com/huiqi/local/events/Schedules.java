package com.huiqi.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.Console;
import com.huiqi.local.gateway.GatewayRequest;
import com.huiqi.local.gateway.GatewayResponse;
import com.huiqi.local.gateway.LocalGateway;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The {@code Schedule} events of template.yaml, run locally: each fires once when the stack starts
 * (so a stack started on kept data catches up, as a deployed schedule would have) and then at its
 * rate, with the EventBridge "Scheduled Event" payload. {@code POST /local/schedules/<Function>/<Event>}
 * runs one now and answers with the function's output, for tests and demos that cannot wait an hour.
 */
public final class Schedules implements AutoCloseable {

    private static final Console LOG = new Console("schedule");

    private final LocalGateway gateway;
    private final Map<String, EventSourceSpec.Schedule> byName;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-schedules");
        thread.setDaemon(true);
        return thread;
    });

    private Schedules(LocalGateway gateway, List<EventSourceSpec.Schedule> schedules, Clock clock) {
        this.gateway = gateway;
        this.byName = schedules.stream().collect(Collectors.toMap(Schedules::id, s -> s));
        this.clock = clock;
    }

    /** Starts the template's schedules and serves {@code /local/schedules/<Function>/<Event>} on the gateway. */
    public static Schedules start(LocalGateway gateway, Clock clock) {
        List<EventSourceSpec.Schedule> schedules = gateway.template().eventSources().stream()
                .filter(EventSourceSpec.Schedule.class::isInstance).map(EventSourceSpec.Schedule.class::cast).toList();
        Schedules running = new Schedules(gateway, schedules, clock);
        for (EventSourceSpec.Schedule schedule : schedules) {
            long period = schedule.rate().toMillis();
            running.timer.scheduleAtFixedRate(() -> running.fireLogged(schedule), 0, period, TimeUnit.MILLISECONDS);
        }
        gateway.addLocalEndpoint("schedules", running::runNowEndpoint);
        return running;
    }

    /**
     * Runs a schedule's function now, as its next firing would, and returns the function's output.
     *
     * @param function the function's logical id, e.g. {@code CatalogueExpiryFunction}
     * @param event    the Schedule event's name under the function's {@code Events}
     */
    public String runNow(String function, String event) throws Exception {
        EventSourceSpec.Schedule schedule = byName.get(function + "/" + event);
        if (schedule == null) {
            throw new IllegalArgumentException("no Schedule event " + function + "/" + event + " in the template");
        }
        return fire(schedule);
    }

    private static String id(EventSourceSpec.Schedule schedule) {
        return schedule.function() + "/" + schedule.name();
    }

    private GatewayResponse runNowEndpoint(GatewayRequest request) {
        if (!"POST".equals(request.method())) {
            return GatewayResponse.message(405, "Use POST");
        }
        String name = request.rawPath().substring("/local/schedules/".length());
        EventSourceSpec.Schedule schedule = byName.get(name);
        if (schedule == null) {
            return GatewayResponse.message(404, "No schedule " + name + "; the template has " + byName.keySet());
        }
        try {
            return GatewayResponse.json(200, fire(schedule));
        } catch (Exception e) {
            LOG.error("schedule " + name + " failed", e);
            return GatewayResponse.message(500, "The scheduled function failed: " + e.getMessage());
        }
    }

    private void fireLogged(EventSourceSpec.Schedule schedule) {
        try {
            fire(schedule);
        } catch (Exception e) {
            // EventBridge retries and then drops; the next firing tries again.
            LOG.error("schedule " + schedule.function() + "." + schedule.name() + " failed", e);
        }
    }

    private String fire(EventSourceSpec.Schedule schedule) throws Exception {
        String id = UUID.randomUUID().toString();
        return gateway.invoke(schedule.function(), scheduledEvent(schedule, id), id);
    }

    /** EventBridge's payload for a scheduled rule. */
    private String scheduledEvent(EventSourceSpec.Schedule schedule, String id) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:events:us-east-1:000000000000:rule/" + schedule.function()
                + "-" + schedule.name());
        event.putObject("detail");
        return event.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
