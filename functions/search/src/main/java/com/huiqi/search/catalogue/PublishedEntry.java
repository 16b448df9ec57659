package com.huiqi.search.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The published content of one catalogue entry as search reads it, with the entry's publication
 * status (PUBLISHED or EXPIRED). The content is the JSON the publish function stored for the
 * version; search reads the fields it indexes by name and ignores the rest, so it does not share
 * publish's model classes (one function does not depend on another's code).
 */
public record PublishedEntry(String kind, String code, String status, int version, JsonNode content) {

    public String text(String field) {
        JsonNode value = content.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
