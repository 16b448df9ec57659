package com.huiqi.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream images as Lambda gives them to a function: each value keeps its DynamoDB type, and the
 * function's own event classes read them back.
 */
class StreamRecordTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void emptyListsKeepTheirType() {
        // An entry with no supported industries stores "supportedIndustries": [] (an empty L).
        Map<String, AttributeValue> item = Map.of(
                "supportedIndustries", AttributeValue.fromL(List.of()),
                "levels", AttributeValue.fromL(List.of(AttributeValue.fromS("NATIONAL"))),
                "content", AttributeValue.fromM(Map.of("tags", AttributeValue.fromL(List.of()))));
        ObjectNode image = StreamDelivery.image(json, item);
        assertEquals("{\"L\":[]}", image.get("supportedIndustries").toString());
        assertEquals("{\"L\":[{\"S\":\"NATIONAL\"}]}", image.get("levels").toString());
        assertEquals("{\"M\":{\"tags\":{\"L\":[]}}}", image.get("content").toString());
    }

    @Test
    void theFunctionsEventClassesReadEveryType() {
        Map<String, AttributeValue> item = Map.of(
                "s", AttributeValue.fromS("高企"),
                "n", AttributeValue.fromN("42"),
                "bool", AttributeValue.fromBool(true),
                "nul", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "empty", AttributeValue.fromL(List.of()),
                "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1"))));
        ObjectNode record = json.createObjectNode();
        record.put("eventName", "MODIFY");
        record.putObject("dynamodb").set("NewImage", StreamDelivery.image(json, item));
        ObjectNode event = json.createObjectNode();
        event.putArray("Records").add(record);
        DynamodbEvent read = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
        var image = read.getRecords().get(0).getDynamodb().getNewImage();
        assertEquals("高企", image.get("s").getS());
        assertEquals("42", image.get("n").getN());
        assertEquals(true, image.get("bool").getBOOL());
        assertEquals(true, image.get("nul").getNULL());
        assertEquals(List.of("a", "b"), image.get("ss").getSS());
        assertEquals(List.of(), image.get("empty").getL(), "an empty list arrives as an empty list");
        assertEquals("1", image.get("m").getM().get("x").getN());
    }
}
