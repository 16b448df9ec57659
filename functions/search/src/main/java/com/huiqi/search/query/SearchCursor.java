package com.huiqi.search.query;

import com.huiqi.shared.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the previous page ended: the sort values of its last hit, the instant its application
 * states were judged at, and a fingerprint of the tenant and the query. A cursor only continues the
 * query it came from, for the tenant it came from; anything else is refused as INVALID_CURSOR.
 *
 * @param primary the last hit's first sort value (its score, issue day or deadline rank)
 * @param key     the last hit's key, which breaks ties
 */
public record SearchCursor(String fingerprint, Instant asOf, double primary, String key) {

    private static final String VERSION = "s1";

    public String encode() {
        String plain = String.join("|", VERSION, fingerprint, Long.toString(asOf.toEpochMilli()),
                Double.toString(primary), key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static SearchCursor decode(String raw, String expectedFingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length == 5 && parts[0].equals(VERSION) && parts[1].equals(expectedFingerprint)
                    && !parts[4].isEmpty()) {
                return new SearchCursor(expectedFingerprint, Instant.ofEpochMilli(Long.parseLong(parts[2])),
                        Double.parseDouble(parts[3]), parts[4]);
            }
        } catch (IllegalArgumentException e) {
            // fall through: any malformed cursor is the same client error
        }
        throw ApiException.badRequest("INVALID_CURSOR", "分页游标无效或不属于本次查询",
                "The paging cursor is invalid or belongs to another query", "cursor");
    }
}
