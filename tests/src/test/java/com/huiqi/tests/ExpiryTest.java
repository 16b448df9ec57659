package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expiry by the validity date without anyone acting: the hourly schedule of template.yaml, run
 * now through the local stack as EventBridge would run it, expires each tenant's published
 * documents whose validity has ended, audits it as the system, and leaves the rest alone.
 */
class ExpiryTest {

    private static final TestStack STACK = TestStack.get();

    private static Map<String, Object> document(String name, String validUntil) {
        Map<String, Object> d = CatalogueSamples.document(name);
        d.put("issuedOn", "2020-01-01");
        d.put("validUntil", validUntil);
        return d;
    }

    private static void publish(String tenant, String kind, String code, Object content) {
        String author = STACK.token(tenant + "-staff");
        String reviewer = STACK.token(tenant.equals("sip") ? "sip-window" : "wz-admin");
        Exchange created = STACK.call("POST", "/catalogue/" + kind, author, Map.of("code", code, "content", content));
        assertEquals(201, created.status(), created.body());
        long v = created.json().get("version").asLong();
        long submitted = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/submit", author, Map.of("version", v))
                .json().get("version").asLong();
        Exchange approved = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/approve", reviewer,
                Map.of("version", submitted));
        assertEquals(200, approved.status(), approved.body());
    }

    private static JsonNode runExpiry() throws Exception {
        return new ObjectMapper().readTree(STACK.stack().schedules().runNow("CatalogueExpiryFunction", "Hourly"));
    }

    private static String status(String account, String code) {
        return STACK.call("GET", "/catalogue/documents/" + code, STACK.token(account), null).json().at("/entry/status").asText();
    }

    @Test
    void documentsPastTheirValidityExpireInEveryTenantAndTheRestStay() throws Exception {
        String yesterday = LocalDate.now().minusDays(2).toString();
        String nextYear = LocalDate.now().plusYears(1).toString();
        publish("sip", "documents", "D-EXP-PAST", document("某某已到期补贴办法", yesterday));
        publish("sip", "documents", "D-EXP-FUTURE", document("某某长期有效办法", nextYear));
        publish("wz", "documents", "D-EXP-WZ", document("温州某某已到期办法", yesterday));

        JsonNode run = runExpiry();
        assertTrue(run.get("expired").asInt() >= 2, run.toString());
        assertEquals(0, run.get("failedTenants").asInt(), run.toString());

        assertEquals("EXPIRED", status("sip-staff", "D-EXP-PAST"));
        assertEquals("PUBLISHED", status("sip-staff", "D-EXP-FUTURE"));
        assertEquals("EXPIRED", status("wz-staff", "D-EXP-WZ"), "each tenant's documents expire in its own run");

        // Expired stays readable for what referred to it, but is no longer listed for enterprises.
        String enterprise = STACK.token("sip-ent");
        assertEquals(200, STACK.call("GET", "/catalogue/documents/D-EXP-PAST", enterprise, null).status());
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Exchange page = STACK.call("GET", "/catalogue/documents?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    enterprise, null);
            listed.addAll(page.json().get("items").findValuesAsText("code"));
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        assertFalse(listed.contains("D-EXP-PAST"));
        assertTrue(listed.contains("D-EXP-FUTURE"));

        // The system is the actor in the audit trail, in the same tenant.
        JsonNode audit = AuditTrail.of("sip-auditor", "catalogue.expire", "D-EXP-PAST").get(0);
        assertEquals("system:expiry", audit.get("actor").asText());
        assertEquals("PUBLISHED", audit.at("/before/status").asText());
        assertEquals("EXPIRED", audit.at("/after/status").asText());

        // A second run finds nothing more to do for these: marks are consumed.
        runExpiry();
        assertEquals(1, AuditTrail.of("sip-auditor", "catalogue.expire", "D-EXP-PAST").size());
    }

    @Test
    void aRepublicationWithALaterValidityIsNotExpiredByTheOldDate() throws Exception {
        String author = STACK.token("sip-staff");
        String reviewer = STACK.token("sip-window");
        String lastWeek = LocalDate.now().minusDays(7).toString();
        publish("sip", "documents", "D-EXP-RENEWED", document("某某续期办法", LocalDate.now().plusDays(30).toString()));
        // The validity is shortened to last week (version 2), then corrected to two years (version 3).
        // Version 2's mark stays behind in the index; only the date of the version now published counts.
        long v = STACK.call("GET", "/catalogue/documents/D-EXP-RENEWED", author, null).json().get("version").asLong();
        Exchange edited = STACK.call("PUT", "/catalogue/documents/D-EXP-RENEWED/draft", author,
                Map.of("content", document("某某续期办法", lastWeek), "version", v));
        long submitted = STACK.call("POST", "/catalogue/documents/D-EXP-RENEWED/submit", author,
                Map.of("version", edited.json().get("version").asLong())).json().get("version").asLong();
        STACK.call("POST", "/catalogue/documents/D-EXP-RENEWED/approve", reviewer, Map.of("version", submitted));
        v = STACK.call("GET", "/catalogue/documents/D-EXP-RENEWED", author, null).json().get("version").asLong();
        edited = STACK.call("PUT", "/catalogue/documents/D-EXP-RENEWED/draft", author,
                Map.of("content", document("某某续期办法", LocalDate.now().plusYears(2).toString()), "version", v));
        submitted = STACK.call("POST", "/catalogue/documents/D-EXP-RENEWED/submit", author,
                Map.of("version", edited.json().get("version").asLong())).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/documents/D-EXP-RENEWED/approve", reviewer,
                Map.of("version", submitted)).status());

        runExpiry();
        assertEquals("PUBLISHED", status("sip-staff", "D-EXP-RENEWED"),
                "version 3 is valid for two more years; the mark of version 2's date is stale");
    }
}
