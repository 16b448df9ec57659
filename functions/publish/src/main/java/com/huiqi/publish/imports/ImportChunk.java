package com.huiqi.publish.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The checked entries of one chunk of an import, stored beside the job until the import is
 * published: the unit the import function files (and later publishes) in one transaction.
 * All entries of a chunk are of one kind, and chunks follow the sheets' order, so whatever an
 * entry refers to within the import is published in an earlier chunk.
 */
record ImportChunk(String kind, List<Entry> entries) {

    record Entry(String code, JsonNode content) {
    }
}
