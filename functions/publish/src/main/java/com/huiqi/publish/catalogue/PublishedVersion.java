package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One published version of a catalogue entry, immutable once written.
 *
 * @param submittedBy who submitted it for review
 * @param reviewedBy  who approved and published it (never the same person)
 */
public record PublishedVersion(String kind, String code, int version, JsonNode content, String submittedBy,
                               String reviewedBy, Instant publishedAt) {

    /** As enterprises and other readers see it: the content, without the names of the center's staff. */
    public PublishedVersion forReaders() {
        return new PublishedVersion(kind, code, version, content, null, null, publishedAt);
    }
}
