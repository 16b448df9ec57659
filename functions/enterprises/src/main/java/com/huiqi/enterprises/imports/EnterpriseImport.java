package com.huiqi.enterprises.imports;

import com.huiqi.shared.error.Problem;
import java.time.Duration;
import java.time.Instant;

/**
 * One bulk import of enterprise figures (企业数据批量导入) and where it is. The file is uploaded to the
 * imports bucket first; starting the job queues it, and the queued job's change on the table's
 * stream starts the import function.
 *
 * @param total     the file's data rows, once the import function has counted them
 * @param processed rows finished so far: imported, unchanged or rejected
 * @param unchanged rows whose figures the file already holds from this source (a re-run)
 * @param error     why the whole import failed, if it did
 */
public record EnterpriseImport(
        String id,
        State state,
        ImportRows.Format format,
        String importedBy,
        Integer total,
        int processed,
        int imported,
        int unchanged,
        int rejected,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        Problem.Message error) {

    /** Where an import is; QUEUED is what starts the import function. */
    public enum State {
        /** created: waiting for the file to be uploaded and the import started */
        CREATED,
        QUEUED,
        RUNNING,
        /** every row was imported or rejected; the rejects report is ready */
        COMPLETED,
        /**
         * the file could not be read (nothing was imported), or the import stopped on an internal
         * error (the rows written so far stay, each whole; the same file again completes it)
         */
        FAILED
    }

    /** How far the import is, for a client polling it. */
    public record Progress(int processed, Integer total, int percent, Double rowsPerSecond, Long secondsLeft) {
    }

    public Progress progress(Instant now) {
        boolean done = state == State.COMPLETED;
        Double rate = null;
        Long left = null;
        if (startedAt != null && processed > 0) {
            Instant until = finishedAt != null ? finishedAt : now;
            double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
            rate = Math.round(processed / seconds * 10) / 10.0;
            if (!done && total != null) {
                left = Math.round((total - processed) / (processed / seconds));
            }
        }
        int percent = done ? 100 : total == null || total == 0 ? 0 : (int) ((long) processed * 100 / total);
        return new Progress(processed, total, percent, rate, left);
    }

    EnterpriseImport queued(Instant now) {
        return new EnterpriseImport(id, State.QUEUED, format, importedBy, total, 0, 0, 0, 0, createdAt, null, null, now, null);
    }

    EnterpriseImport running(Instant now) {
        return new EnterpriseImport(id, State.RUNNING, format, importedBy, null, 0, 0, 0, 0, createdAt, now, null, now, null);
    }

    EnterpriseImport counted(int rows, Instant now) {
        return new EnterpriseImport(id, state, format, importedBy, rows, processed, imported, unchanged, rejected,
                createdAt, startedAt, finishedAt, now, error);
    }

    EnterpriseImport advanced(int newImported, int newUnchanged, int newRejected, Instant now) {
        return new EnterpriseImport(id, state, format, importedBy, total, newImported + newUnchanged + newRejected,
                newImported, newUnchanged, newRejected, createdAt, startedAt, finishedAt, now, error);
    }

    EnterpriseImport completed(Instant now) {
        return new EnterpriseImport(id, State.COMPLETED, format, importedBy, total, processed, imported, unchanged,
                rejected, createdAt, startedAt, now, now, null);
    }

    EnterpriseImport failed(Problem.Message why, Instant now) {
        return new EnterpriseImport(id, State.FAILED, format, importedBy, total, processed, imported, unchanged,
                rejected, createdAt, startedAt, now, now, why);
    }
}
