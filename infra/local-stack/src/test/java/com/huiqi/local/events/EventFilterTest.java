package com.huiqi.local.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Lambda's event filtering as the local stream delivery applies it to DynamoDB stream records. */
class EventFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode record(String type, String state) throws Exception {
        return json("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"_type\":{\"S\":\"" + type
                + "\"},\"state\":{\"S\":\"" + state + "\"},\"n\":{\"N\":\"3\"}}}}");
    }

    @Test
    void everyNamedFieldMustBeOneOfItsAcceptedValues() throws Exception {
        JsonNode pattern = json("{\"dynamodb\":{\"NewImage\":{\"_type\":{\"S\":[\"CatalogueImport\"]},"
                + "\"state\":{\"S\":[\"FILING_QUEUED\",\"PUBLISHING_QUEUED\"]}}}}");
        assertTrue(EventFilter.matches(pattern, record("CatalogueImport", "FILING_QUEUED")));
        assertTrue(EventFilter.matches(pattern, record("CatalogueImport", "PUBLISHING_QUEUED")));
        assertFalse(EventFilter.matches(pattern, record("CatalogueImport", "FILING")));
        assertFalse(EventFilter.matches(pattern, record("CatalogueEntry", "FILING_QUEUED")));
        assertFalse(EventFilter.matches(pattern, json("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"OldImage\":{}}}")),
                "a record without the field does not match");
    }

    @Test
    void prefixExistsAndNumbers() throws Exception {
        assertTrue(EventFilter.matches(json("{\"dynamodb\":{\"NewImage\":{\"_type\":{\"S\":[{\"prefix\":\"Catalogue\"}]}}}}"),
                record("CatalogueEntry", "X")));
        assertTrue(EventFilter.matches(json("{\"dynamodb\":{\"OldImage\":[{\"exists\":false}]}}"), record("A", "B")));
        assertFalse(EventFilter.matches(json("{\"dynamodb\":{\"NewImage\":[{\"exists\":false}]}}"), record("A", "B")));
        assertTrue(EventFilter.matches(json("{\"eventName\":[\"INSERT\",\"MODIFY\"]}"), record("A", "B")));
    }

    @Test
    void patternFormsItDoesNotImplementAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventFilter.check(json("{\"a\":[{\"numeric\":[\">\",0]}]}")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.check(json("{\"a\":\"not-an-array\"}")));
    }
}
