package com.huiqi.track;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.EXPERT;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.inbox.Inbox;
import com.huiqi.shared.inbox.Recipient;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/**
 * The routes of the track function. For now the inbox: everyone of a tenant reads their own — an
 * enterprise user its enterprise's, anyone else their own — and nobody reads anyone else's, since
 * the inbox is chosen from the verified token alone.
 */
@Singleton
public class TrackRoutes {

    private final RouteTable table = new RouteTable();

    public TrackRoutes(Inbox inbox) {
        Set<Role> everyone = EnumSet.of(CENTER_ADMIN, STAFF, DEPARTMENT, EXPERT, ENTERPRISE, AUDITOR);
        table.add("GET", "/inbox", r -> ApiResponse.ok(inbox.list(r.store(), Recipient.of(r.caller()), r.pageSize(),
                        r.cursor())), everyone)
                .add("POST", "/inbox/{id}/read", r -> ApiResponse.ok(inbox.markRead(r.store(), r.caller(), r.requestId(),
                        Recipient.of(r.caller()), r.path("id"))), everyone);
    }

    public RouteTable table() {
        return table;
    }
}
