package com.huiqi.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.Console;
import com.huiqi.local.gateway.LocalGateway;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The {@code DynamoDB} stream events of template.yaml, delivered locally from DynamoDB Local's own
 * stream as Lambda's event source mapping delivers them: records in order per shard, filtered by
 * the event's {@code FilterCriteria}, in batches of at most {@code BatchSize}, in Lambda's
 * {@code DynamodbEvent} JSON; a failing batch is retried and then skipped. One reader thread per
 * table reads its stream once for all the events on it, starting at the stream's latest position
 * when the stack starts, and hands each event the records that match its filter; each event has a
 * delivery thread of its own, so a function busy for minutes (an import) holds up only its own
 * events. (Lambda filters records before they reach a function, at no cost to it; here the stack
 * pays for reading and filtering, once per record rather than once per event.)
 */
public final class StreamDelivery implements AutoCloseable {

    private static final Console LOG = new Console("stream");
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long SHARD_DISCOVERY_MILLIS = 5_000;

    private final LocalGateway gateway;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private static final int MIN_PENDING = 1000;
    private final List<Thread> threads = new ArrayList<>();

    private StreamDelivery(LocalGateway gateway, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {
        this.gateway = gateway;
        this.dynamoDb = dynamoDb;
        this.streams = streams;
    }

    /** Starts one reader per table with {@code DynamoDB} events in the template. The clients stay the caller's to close. */
    public static StreamDelivery start(LocalGateway gateway, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {
        StreamDelivery delivery = new StreamDelivery(gateway, dynamoDb, streams);
        Map<String, List<EventSourceSpec.Stream>> byTable = new LinkedHashMap<>();
        for (EventSourceSpec source : gateway.template().eventSources()) {
            if (source instanceof EventSourceSpec.Stream stream) {
                stream.filterPatterns().forEach(EventFilter::check);
                byTable.computeIfAbsent(stream.tableLogicalId(), t -> new ArrayList<>()).add(stream);
            }
        }
        byTable.forEach(delivery::startReader);
        return delivery;
    }

    /**
     * An event and the matching records not yet delivered to it: at most two batches' worth (and at
     * least {@value #MIN_PENDING}), so a function that falls behind holds the table's reader back (as
     * Lambda's reader waits for the function to take the shard's next batch) instead of the records
     * piling up in memory.
     */
    private record Subscriber(EventSourceSpec.Stream source, BlockingQueue<JsonNode> pending) {
    }

    private void startReader(String tableLogicalId, List<EventSourceSpec.Stream> sources) {
        TableDefinition table = Tables.all().stream().filter(t -> t.logicalId().equals(tableLogicalId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("event " + sources.get(0).function() + "."
                        + sources.get(0).name() + " reads the stream of " + tableLogicalId + ", which is not a table"));
        String streamArn = dynamoDb.describeTable(r -> r.tableName(table.tableName())).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + table.tableName() + " has no stream");
        }
        ShardReader reader = new ShardReader(streamArn);
        reader.openAt(ShardIteratorType.LATEST);
        List<Subscriber> subscribers = new ArrayList<>();
        for (EventSourceSpec.Stream source : sources) {
            Subscriber subscriber = new Subscriber(source, new LinkedBlockingQueue<>(Math.max(MIN_PENDING, 2 * source.batchSize())));
            subscribers.add(subscriber);
            startThread(() -> deliverAll(subscriber), "stream-" + source.function() + "-" + source.name());
        }
        startThread(() -> read(reader, subscribers), "stream-" + tableLogicalId);
    }

    private void startThread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void read(ShardReader reader, List<Subscriber> subscribers) {
        long lastDiscovery = System.currentTimeMillis();
        while (!stopped.get()) {
            try {
                List<Record> records = reader.read();
                for (Record record : records) {
                    JsonNode event = toLambdaRecord(record, reader.streamArn);
                    for (Subscriber s : subscribers) {
                        if (s.source().filterPatterns().isEmpty()
                                || s.source().filterPatterns().stream().anyMatch(p -> EventFilter.matches(p, event))) {
                            s.pending().put(event);
                        }
                    }
                }
                if (System.currentTimeMillis() - lastDiscovery > SHARD_DISCOVERY_MILLIS) {
                    reader.discoverNewShards();
                    lastDiscovery = System.currentTimeMillis();
                }
                if (records.isEmpty()) {
                    Thread.sleep(IDLE_POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped.get()) {
                    return;
                }
                LOG.error("reading the stream " + reader.streamArn + " failed; retrying", e);
                sleepQuietly(1_000);
            }
        }
    }

    /**
     * Delivers an event's records in order: each batch what is waiting, up to its batch size, or,
     * with a batching window, what arrives within the window after the first record, as Lambda
     * gathers them.
     */
    private void deliverAll(Subscriber subscriber) {
        int batchSize = subscriber.source().batchSize();
        long window = subscriber.source().batchingWindow().toNanos();
        while (!stopped.get()) {
            try {
                List<JsonNode> batch = new ArrayList<>();
                batch.add(subscriber.pending().take());
                long deadline = System.nanoTime() + window;
                subscriber.pending().drainTo(batch, batchSize - batch.size());
                while (batch.size() < batchSize && deadline - System.nanoTime() > 0) {
                    JsonNode next = subscriber.pending().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    subscriber.pending().drainTo(batch, batchSize - batch.size());
                }
                deliver(subscriber.source(), batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped.get()) {
                    return;
                }
                LOG.error("delivering to " + subscriber.source().function() + "." + subscriber.source().name() + " failed", e);
            }
        }
    }

    private void deliver(EventSourceSpec.Stream source, List<JsonNode> batch) throws InterruptedException {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        batch.forEach(array::add);
        String payload = event.toString();
        for (int attempt = 0; ; attempt++) {
            String requestId = UUID.randomUUID().toString();
            try {
                gateway.invoke(source.function(), payload, requestId);
                return;
            } catch (Exception e) {
                if (attempt >= source.maximumRetryAttempts()) {
                    LOG.error(source.function() + "." + source.name() + " failed on a batch of " + batch.size()
                            + " records " + (attempt + 1) + " times; skipping it, as Lambda does after MaximumRetryAttempts", e);
                    return;
                }
                LOG.warn(source.function() + "." + source.name() + " failed (request " + requestId + "): " + e
                        + "; retrying the batch");
                Thread.sleep(200L << attempt);
            }
        }
    }

    /** One stream record in the shape Lambda gives it to a function. */
    private JsonNode toLambdaRecord(Record record, String streamArn) {
        ObjectNode out = json.createObjectNode();
        out.put("eventID", record.eventID());
        out.put("eventName", record.eventNameAsString());
        out.put("eventVersion", record.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", record.awsRegion());
        ObjectNode dynamodb = out.putObject("dynamodb");
        var change = record.dynamodb();
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", image(change.keys()));
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", image(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", image(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        dynamodb.put("SizeBytes", change.sizeBytes());
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        out.put("eventSourceARN", streamArn);
        return out;
    }

    private ObjectNode image(Map<String, AttributeValue> item) {
        return image(json, item);
    }

    static ObjectNode image(ObjectMapper json, Map<String, AttributeValue> item) {
        ObjectNode node = json.createObjectNode();
        item.forEach((name, value) -> node.set(name, attribute(json, value)));
        return node;
    }

    /**
     * DynamoDB's JSON for one attribute value: {"S": "..."}, {"N": "1"}, {"M": {...}} and so on. An
     * empty list is {"L": []}: DynamoDB stores empty lists (sets cannot be empty), and without its
     * type name the value would reach the function as an attribute of no type at all.
     */
    static JsonNode attribute(ObjectMapper json, AttributeValue value) {
        ObjectNode node = json.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", value.b().asByteArray());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode bs = node.putArray("BS");
                value.bs().forEach(b -> bs.add(b.asByteArray()));
            }
            case L -> {
                ArrayNode l = node.putArray("L");
                value.l().forEach(v -> l.add(attribute(json, v)));
            }
            case M -> node.set("M", image(json, value.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return node;
    }

    /** The open shards of one stream and where each is read up to. */
    private final class ShardReader {
        private final String streamArn;
        /** Shard id to its next iterator; insertion order keeps parents before children. */
        private final Map<String, String> iterators = new LinkedHashMap<>();
        private final java.util.Set<String> known = new java.util.HashSet<>();

        ShardReader(String streamArn) {
            this.streamArn = streamArn;
        }

        /** Starts reading every shard that is open now at {@code position}. */
        void openAt(ShardIteratorType position) {
            for (Shard shard : shards()) {
                known.add(shard.shardId());
                if (shard.sequenceNumberRange().endingSequenceNumber() == null) {
                    iterators.put(shard.shardId(), iterator(shard.shardId(), position));
                }
            }
        }

        /** Shards created since the last look are read from their start, so no record is missed. */
        void discoverNewShards() {
            for (Shard shard : shards()) {
                if (known.add(shard.shardId())) {
                    iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON));
                }
            }
        }

        List<Record> read() {
            List<Record> records = new ArrayList<>();
            boolean closed = false;
            for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
                GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(entry.getValue()).limit(1000));
                records.addAll(response.records());
                if (response.nextShardIterator() == null) {
                    iterators.remove(entry.getKey());
                    closed = true;
                } else {
                    iterators.put(entry.getKey(), response.nextShardIterator());
                }
            }
            if (closed) {
                discoverNewShards();
            }
            return records;
        }

        private List<Shard> shards() {
            List<Shard> shards = new ArrayList<>();
            String last = null;
            do {
                String start = last;
                var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start))
                        .streamDescription();
                shards.addAll(description.shards());
                last = description.lastEvaluatedShardId();
            } while (last != null);
            return shards;
        }

        private String iterator(String shardId, ShardIteratorType type) {
            return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                    .shardIterator();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped.set(true);
        threads.forEach(Thread::interrupt);
    }
}
