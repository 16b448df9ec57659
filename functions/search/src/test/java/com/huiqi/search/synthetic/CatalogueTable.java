package com.huiqi.search.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.shared.storage.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A tenant's published catalogue in the data table, in the publish function's storage layout (what
 * {@link CatalogueReader} reads): per entry a head at {@code <tenant>#CAT#<kind>#<code>} / {@code HEAD},
 * listed in {@code gsi1} under {@code <tenant>#CAT#<kind>}, and its published version beside it at
 * {@code V#000001}. The benchmarks write a synthetic catalogue with it in bulk, as a migration
 * would (through the API it would be three calls per entry), and read it back as the naive
 * baseline does.
 */
public final class CatalogueTable {

    private static final String TABLE = Tables.DATA.tableName();
    private static final Set<String> LISTED = Set.of("PUBLISHED", "EXPIRED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueTable() {
    }

    /** Writes the heads and published versions of {@code entries} with BatchWriteItem, four writers at a time. */
    public static void write(DynamoDbClient dynamo, String tenant, List<PublishedEntry> entries)
            throws InterruptedException {
        List<WriteRequest> writes = new ArrayList<>();
        String now = Instant.now().toString();
        for (PublishedEntry e : entries) {
            String pk = tenant + "#CAT#" + e.kind() + "#" + e.code();
            ObjectNode head = JSON.createObjectNode();
            head.put("pk", pk).put("sk", "HEAD").put("gsi1pk", tenant + "#CAT#" + e.kind()).put("gsi1sk", e.code());
            head.put("kind", e.kind()).put("code", e.code()).put("status", e.status()).put("publishedVersion", e.version());
            head.put("displayName", e.content().path(e.content().has("name") ? "name" : "title").asText());
            head.put("publishedAt", now).put("createdAt", now).put("updatedAt", now);
            if (e.kind().equals("notices")) {
                head.putObject("window").put("itemCode", e.text("itemCode")).put("title", e.text("title"))
                        .put("opensAt", e.text("opensAt")).put("closesAt", e.text("closesAt"));
            }
            head.put("_type", "CatalogueEntry").put("_version", 3);
            ObjectNode version = JSON.createObjectNode();
            version.put("pk", pk).put("sk", versionKey(e.version())).put("kind", e.kind()).put("code", e.code())
                    .put("version", e.version());
            version.set("content", e.content());
            version.put("submittedBy", "sip-staff").put("reviewedBy", "sip-window").put("publishedAt", now);
            version.put("_type", "PublishedVersion").put("_version", 1);
            writes.add(put(head));
            writes.add(put(version));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += 25) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
                done.add(writers.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulk write failed", e.getCause());
        } finally {
            writers.shutdown();
        }
    }

    /**
     * The naive read of everything published: for each kind search reads, a Query of its heads in
     * {@code gsi1} (paged), then BatchGetItem of the published versions, 100 keys at a time.
     */
    public static List<PublishedEntry> read(DynamoDbClient dynamo, String tenant) {
        List<PublishedEntry> entries = new ArrayList<>();
        for (String kind : CatalogueReader.KINDS) {
            Map<String, String> statuses = new HashMap<>();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(TABLE).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(tenant + "#CAT#" + kind)))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> head : page.items()) {
                    String status = head.get("status").s();
                    if (LISTED.contains(status) && head.containsKey("publishedVersion")) {
                        statuses.put(head.get("pk").s(), status);
                        keys.add(Map.of("pk", head.get("pk"),
                                "sk", AttributeValue.fromS(versionKey(Integer.parseInt(head.get("publishedVersion").n())))));
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            for (int from = 0; from < keys.size(); from += 100) {
                Map<String, KeysAndAttributes> pending = new HashMap<>(Map.of(TABLE,
                        KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build()));
                while (!pending.isEmpty()) {
                    var response = dynamo.batchGetItem(r -> r.requestItems(pending));
                    for (Map<String, AttributeValue> item : response.responses().getOrDefault(TABLE, List.of())) {
                        JsonNode version = tree(EnhancedDocument.fromAttributeValueMap(item).toJson());
                        entries.add(new PublishedEntry(kind, version.get("code").asText(), statuses.get(item.get("pk").s()),
                                version.get("version").asInt(), version.get("content")));
                    }
                    pending.clear();
                    pending.putAll(response.unprocessedKeys());
                }
            }
        }
        return entries;
    }

    private static String versionKey(int version) {
        return String.format("V#%06d", version);
    }

    private static WriteRequest put(ObjectNode item) {
        return WriteRequest.builder().putRequest(PutRequest.builder()
                .item(EnhancedDocument.fromJson(item.toString()).toMap()).build()).build();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
