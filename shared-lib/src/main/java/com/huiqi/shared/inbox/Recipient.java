package com.huiqi.shared.inbox;

import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;

/**
 * Whose inbox a message lands in. An enterprise has one inbox that every user acting for it reads
 * (the mini-program's 消息 of the enterprise, not of one person); anyone else in the center has an
 * inbox of their own, by their Cognito {@code sub}.
 *
 * @param kind ENTERPRISE (id: the unified social credit code) or USER (id: the subject)
 */
public record Recipient(Kind kind, String id) {

    public enum Kind { ENTERPRISE, USER }

    public static Recipient enterprise(String creditCode) {
        return new Recipient(Kind.ENTERPRISE, creditCode);
    }

    /** The inbox the caller reads: its enterprise's when it acts for one, else its own. */
    public static Recipient of(Caller caller) {
        if (caller.has(Role.ENTERPRISE) && caller.enterpriseCode().isPresent()) {
            return enterprise(caller.enterpriseCode().get());
        }
        return new Recipient(Kind.USER, caller.subject());
    }

    /** The part of the partition key that names this inbox. */
    String keyPart() {
        return (kind == Kind.ENTERPRISE ? "ENT" : "USER") + "#" + id;
    }
}
