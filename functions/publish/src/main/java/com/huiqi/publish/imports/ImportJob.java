package com.huiqi.publish.imports;

import com.huiqi.publish.catalogue.ContentChecks.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One bulk import of catalogue entries and where it is. It runs in two phases, each as
 * asynchronous work on the import function (started by the job's change on the table's stream):
 * filing every row as an entry submitted for review, then, once another staff member approves the
 * import, publishing them all. Progress is kept per chunk, in the same transaction as the chunk's
 * entries, so the counters never run ahead of what is written and an interrupted phase resumes
 * where it stopped.
 *
 * @param entriesByKind      how many entries of each kind (catalogue path segment) the import holds
 * @param chunks             how many chunks the entries are filed and published in
 * @param chunksDone         chunks finished in the current phase
 * @param processed          entries finished in the current phase
 * @param externalReferences entries outside the import that its rows refer to; they must be
 *                           published before the import is
 * @param error              why the last phase failed, in Chinese and English
 * @param rejectedBy         who sent the import back, and {@code rejection} why
 */
public record ImportJob(
        String id,
        State state,
        String importedBy,
        String approvedBy,
        int total,
        Map<String, Integer> entriesByKind,
        int chunks,
        int chunksDone,
        int processed,
        List<Reference> externalReferences,
        Instant createdAt,
        Instant phaseStartedAt,
        Instant filedAt,
        Instant publishedAt,
        Instant updatedAt,
        String error,
        String rejectedBy,
        String rejection) {

    public ImportJob {
        entriesByKind = Map.copyOf(entriesByKind);
        externalReferences = List.copyOf(externalReferences);
    }

    /** Where an import is. The two *_QUEUED states are what start the import function. */
    public enum State {
        /** checked and accepted; waiting for the import function to file its entries */
        FILING_QUEUED,
        FILING,
        /** every entry is filed and submitted for review; waiting for another staff member to approve */
        IN_REVIEW,
        /** the filing failed and was rolled back: nothing of it remains */
        FILING_FAILED,
        PUBLISHING_QUEUED,
        PUBLISHING,
        PUBLISHED,
        /** publishing stopped part way; approving again resumes it */
        PUBLISHING_FAILED,
        /** sent back by a reviewer: its entries are to be removed */
        REJECTING_QUEUED,
        REJECTING,
        /** sent back, and every entry it filed that was not published since is removed */
        REJECTED,
        /** the removal stopped part way; rejecting again resumes it */
        REJECTING_FAILED
    }

    /** The states the import function is started for. */
    static boolean queued(State state) {
        return state == State.FILING_QUEUED || state == State.PUBLISHING_QUEUED || state == State.REJECTING_QUEUED;
    }

    /** How far the current phase is, for a client polling the import. */
    public record Progress(String phase, int processed, int total, int percent, Double rowsPerSecond,
                           Long secondsLeft) {
    }

    public Progress progress(Instant now) {
        String phase = switch (state) {
            case FILING_QUEUED, FILING, FILING_FAILED -> "FILING";
            case IN_REVIEW -> "REVIEW";
            case REJECTING_QUEUED, REJECTING, REJECTED, REJECTING_FAILED -> "WITHDRAWING";
            default -> "PUBLISHING";
        };
        boolean done = state == State.IN_REVIEW || state == State.PUBLISHED || state == State.REJECTED;
        int finished = done ? total : processed;
        Double rate = null;
        Long left = null;
        if (phaseStartedAt != null && !done && processed > 0) {
            double seconds = Math.max(0.001, Duration.between(phaseStartedAt, now).toMillis() / 1000.0);
            rate = Math.round(processed / seconds * 10) / 10.0;
            left = Math.round((total - processed) / (processed / seconds));
        }
        return new Progress(phase, finished, total, total == 0 ? 100 : finished * 100 / total, rate, left);
    }

    ImportJob with(State newState, int newChunksDone, int newProcessed, Instant newPhaseStart, Instant now) {
        return new ImportJob(id, newState, importedBy, approvedBy, total, entriesByKind, chunks, newChunksDone,
                newProcessed, externalReferences, createdAt, newPhaseStart, filedAt, publishedAt, now, error, rejectedBy, rejection);
    }

    ImportJob failed(State failure, String why, Instant now) {
        return new ImportJob(id, failure, importedBy, approvedBy, total, entriesByKind, chunks, chunksDone, processed,
                externalReferences, createdAt, phaseStartedAt, filedAt, publishedAt, now, why, rejectedBy, rejection);
    }

    ImportJob filed(Instant now) {
        return new ImportJob(id, State.IN_REVIEW, importedBy, approvedBy, total, entriesByKind, chunks, 0, 0,
                externalReferences, createdAt, null, now, publishedAt, now, null, rejectedBy, rejection);
    }

    ImportJob approved(String reviewer, Instant now) {
        return new ImportJob(id, State.PUBLISHING_QUEUED, importedBy, reviewer, total, entriesByKind, chunks,
                state == State.PUBLISHING_FAILED ? chunksDone : 0, state == State.PUBLISHING_FAILED ? processed : 0,
                externalReferences, createdAt, null, filedAt, publishedAt, now, null, rejectedBy, rejection);
    }

    ImportJob rejecting(String reviewer, String reason, Instant now) {
        boolean resume = state == State.REJECTING_FAILED;
        return new ImportJob(id, State.REJECTING_QUEUED, importedBy, approvedBy, total, entriesByKind, chunks,
                resume ? chunksDone : 0, resume ? processed : 0, externalReferences, createdAt, null, filedAt,
                publishedAt, now, null, reviewer, reason);
    }

    ImportJob rejected(Instant now) {
        return new ImportJob(id, State.REJECTED, importedBy, approvedBy, total, entriesByKind, chunks, chunks, total,
                externalReferences, createdAt, phaseStartedAt, filedAt, publishedAt, now, null, rejectedBy, rejection);
    }

    ImportJob published(Instant now) {
        return new ImportJob(id, State.PUBLISHED, importedBy, approvedBy, total, entriesByKind, chunks, chunks, total,
                externalReferences, createdAt, phaseStartedAt, filedAt, now, now, null, rejectedBy, rejection);
    }
}
