package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The head of one catalogue entry: its publication status, the latest published version, and the
 * working revision being edited or reviewed. Published versions are stored beside it and never
 * change, so what an enterprise saw or applied against stays readable.
 *
 * @param publishedVersion the latest published version number, absent before the first publication
 * @param revision         the draft being edited or reviewed, absent when there is none
 */
public record CatalogueEntry(
        String kind,
        String code,
        String displayName,
        PublicationStatus status,
        Integer publishedVersion,
        Instant publishedAt,
        Revision revision,
        String statusReason,
        NoticeWindow window,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The application window of a published notice, kept on the head so that 今日申报 and the
     * policy calendar are answered from one query of the heads, without reading every version.
     */
    public record NoticeWindow(String itemCode, String title, Instant opensAt, Instant closesAt) {
    }

    /** The published line of an entry. */
    public enum PublicationStatus {
        /** never published */
        UNPUBLISHED,
        PUBLISHED,
        /** past its validity; still readable */
        EXPIRED,
        /** withdrawn; still readable by version for what referred to it */
        REVOKED
    }

    /** Where a revision is: with its author, or waiting for a reviewer who is not its author. */
    public enum RevisionState { EDITING, IN_REVIEW }

    /**
     * A working copy of the content.
     *
     * @param author      who last edited it
     * @param submittedBy who submitted it for review
     * @param rejection   the reviewer's reason when it was sent back
     */
    public record Revision(JsonNode content, RevisionState state, String author, Instant editedAt,
                           String submittedBy, Instant submittedAt, String rejection) {
    }

    CatalogueEntry with(PublicationStatus newStatus, Integer version, Instant published, Revision newRevision,
                        String reason, String name, Instant at) {
        return new CatalogueEntry(kind, code, name, newStatus, version, published, newRevision, reason, window,
                createdAt, at);
    }

    CatalogueEntry withWindow(NoticeWindow newWindow) {
        return new CatalogueEntry(kind, code, displayName, status, publishedVersion, publishedAt, revision, statusReason,
                newWindow, createdAt, updatedAt);
    }
}
