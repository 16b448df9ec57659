package com.huiqi.shared.enterprise;

import java.time.Instant;

/**
 * One thing an enterprise did with the center (行为, 000 §5.2.2.2 c): a search, a consultation, an
 * application, an event attended. Other capabilities record them; behaviour tags are computed from
 * the recent ones.
 *
 * @param subject what it was about: a search term, a policy or item code, an event name; never personal data
 */
public record Activity(Kind kind, String subject, Instant occurredAt, String recordedBy) {

    public enum Kind {
        SEARCH("搜索"),
        CONSULTATION("咨询"),
        APPLICATION("申报"),
        EVENT("活动参与");

        private final String labelZh;

        Kind(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }
}
