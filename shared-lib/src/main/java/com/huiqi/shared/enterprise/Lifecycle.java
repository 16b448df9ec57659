package com.huiqi.shared.enterprise;

import java.time.Instant;
import java.time.LocalDate;

/** The enterprise's place in the center's directory (企业名录, 000 §5.2.1.4). */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** 在册 / 已迁出 / 已注销. */
    public enum Status {
        ACTIVE("在册"),
        MOVED_OUT("已迁出"),
        DEREGISTERED("已注销");

        private final String labelZh;

        Status(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }

    /**
     * What happened: registered in the directory (新设立或迁入), moved out (迁移迁出), moved back in,
     * or deregistered (注销). Deregistration is final.
     */
    public enum EventKind {
        REGISTERED, MOVED_IN, MOVED_OUT, DEREGISTERED;

        /** The status after the event, or null when the event is not allowed from {@code from}. */
        public Status after(Status from) {
            return switch (this) {
                case REGISTERED -> from == null ? Status.ACTIVE : null;
                case MOVED_IN -> from == Status.MOVED_OUT ? Status.ACTIVE : null;
                case MOVED_OUT -> from == Status.ACTIVE ? Status.MOVED_OUT : null;
                case DEREGISTERED -> from == Status.ACTIVE || from == Status.MOVED_OUT ? Status.DEREGISTERED : null;
            };
        }
    }

    /**
     * @param effectiveOn the date it took effect (a move or deregistration is dated by its registration)
     * @param note        for instance where it moved to; no personal data
     */
    public record Event(EventKind kind, LocalDate effectiveOn, String note, Instant recordedAt, String recordedBy) {
    }
}
