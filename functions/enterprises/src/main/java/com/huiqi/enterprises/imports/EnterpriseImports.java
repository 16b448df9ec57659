package com.huiqi.enterprises.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.enterprises.EnterpriseFiles;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.enterprise.EnterpriseFile;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.error.Problem;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of enterprise figures from CSV or XLSX (企业数据批量导入), as the department-import
 * source. Each row stands alone: a row that fails its checks is rejected (in the rejects report,
 * with its row, column and reason) and writes nothing; every other row is recorded by the same
 * {@link com.huiqi.shared.enterprise.FactChanges} rules as any recording, its file, history and
 * derived items in one transaction, so a row is never half-written. Several rows share a
 * transaction, and it carries one audit record of them all ({@value #ROWS_ACTION}). Unchanged
 * figures from this source are no-ops, so importing the same file again changes nothing.
 *
 * <ol>
 *   <li>{@code create}: a job and a presigned URL to upload the file to the imports bucket;</li>
 *   <li>{@code start}: the file must be there and its header must name known columns; queues the job;</li>
 *   <li>the import function ({@link #run}) reads the file as a stream, twice: once to count the rows
 *       for the progress, once to import them, in batches on a few writer threads, several rows per
 *       transaction; then it stores the rejects report.</li>
 * </ol>
 */
@Singleton
public class EnterpriseImports {

    static final String JOB_ENTITY = "EnterpriseImport";
    /** Larger files are refused: about 1,000,000 rows of a dozen figures, more than one import should carry. */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final int MAX_REPORTED_HEADER = 100;
    /** Rows read and checked together: one BatchGetItem of their files. */
    private static final int BATCH_ROWS = 100;
    /** Writer threads; DynamoDB takes many transactions at once, each its own round trip. */
    private static final int WRITERS = 8;
    /** The action of a pack's audit record, on the import: which files its rows created or changed, and how. */
    static final String ROWS_ACTION = "enterprise.import.rows";
    /**
     * What a transaction keeps free beside its rows' items: the pack's audit record, written when it
     * closes. (Its one partition catalogue item, whatever partitions the rows write, is counted by
     * {@link Transaction#size()} from the first write on.)
     */
    private static final int SHARED_MARGIN = 1;
    /**
     * The most JSON a pack's audit record may hold, measured with the shared ObjectMapper: the record
     * is one DynamoDB item, at most 400 KB, so a pack of wide rows (records of 100 entries) closes
     * here before it reaches 100 items. DynamoDB's own encoding of the same content is about as large
     * or smaller, and the rest of the record is a few hundred bytes.
     */
    static final int AUDIT_BYTES = 300 * 1024;
    private static final long PROGRESS_EVERY_MILLIS = 1000;
    /** The import function's timeout (template.yaml: 900 s) and a minute: a running job silent this long has died. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(16);
    private static final int MAX_LIST_READS = 10;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<Role> CENTER = EnumSet.of(Role.STAFF, Role.CENTER_ADMIN);
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseImports.class);

    private final ObjectMapper mapper;
    private final EnterpriseFiles files;
    private final ImportBucket bucket;

    public EnterpriseImports(@Named(PlatformBeans.MAPPER) ObjectMapper mapper, EnterpriseFiles files, ImportBucket bucket) {
        this.mapper = mapper;
        this.files = files;
        this.bucket = bucket;
    }

    /** The body of a new import: the media type of the file that will be uploaded. */
    public record NewImport(String contentType) {
    }

    /** The body of a start: the job's version as read. */
    public record Start(Long version) {
    }

    /** Where to upload the file: PUT the file's bytes to {@code url} with {@code contentType}, before {@code expiresAt}. */
    public record Upload(URI url, String method, String contentType, Instant expiresAt) {
    }

    /** An import as a client sees it; {@code upload} while it waits for its file. */
    public record ImportView(EnterpriseImport job, long version, EnterpriseImport.Progress progress, Upload upload) {
    }

    public ImportView create(TenantStore store, Caller importer, String requestId, NewImport request) {
        String type = request == null || request.contentType() == null ? null : request.contentType().strip();
        if (type == null || type.isEmpty()) {
            throw ApiException.validation("contentType", "须给出文件类型：text/csv 或 .xlsx 的类型",
                    "contentType is required: text/csv or the .xlsx type");
        }
        ImportRows.Format format = ImportRows.Format.ofMediaType(type).orElseThrow(() -> new ApiException(415,
                "UNSUPPORTED_MEDIA_TYPE", "只能导入 CSV（text/csv）或 Excel 工作簿（.xlsx）",
                "Only CSV (text/csv) or Excel workbooks (.xlsx) can be imported", "contentType"));
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        EnterpriseImport job = new EnterpriseImport(id, EnterpriseImport.State.CREATED, format, importer.username(), null,
                0, 0, 0, 0, now, null, null, now, null);
        store.begin(importer, requestId).create(jobKey(store, job), JOB_ENTITY, job)
                .audit("enterprise.import.create", JOB_ENTITY, id, null, job).commit();
        return view(store, job, 1);
    }

    public ImportView get(TenantStore store, Caller caller, String id) {
        Stored<EnterpriseImport> job = job(store, caller, id);
        return view(store, job.value(), job.version());
    }

    /** Checks that the file is uploaded and its header names known columns, and queues the job. */
    public ImportView start(TenantStore store, Caller caller, String requestId, String id, Start request) {
        Stored<EnterpriseImport> stored = job(store, caller, id);
        if (request == null || request.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        EnterpriseImport job = stored.value();
        if (job.state() != EnterpriseImport.State.CREATED) {
            throw ApiException.conflict("INVALID_IMPORT_STATE", "该导入已开始（状态：" + job.state() + "）",
                    "The import has started already (state " + job.state() + ")");
        }
        if (stored.version() != request.version()) {
            throw ApiException.conflict("CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试",
                    "The item was changed by someone else; reload and retry");
        }
        String key = fileKey(store, job);
        var head = bucket.head(store.keys().tenant(), key).orElseThrow(() -> ApiException.conflict("IMPORT_FILE_MISSING",
                "尚未上传导入文件，请先按 upload 上传", "No file was uploaded yet; upload it as upload says"));
        if (head.contentLength() > MAX_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "导入文件最大" + MAX_BYTES / 1024 / 1024 + " MiB，请分成几个文件",
                    "An import file is at most " + MAX_BYTES / 1024 / 1024 + " MiB; split it", null);
        }
        if (head.contentType() != null && !head.contentType().startsWith(job.format().mediaType)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "上传的文件类型与导入声明的不符：须为 " + job.format().mediaType,
                    "The uploaded file's type does not match the import's: it must be " + job.format().mediaType, null);
        }
        checkHeader(store, job, key);
        EnterpriseImport queued = job.queued(Instant.now());
        store.begin(caller, requestId).update(jobKey(store, queued), JOB_ENTITY, queued, stored.version())
                .audit("enterprise.import.start", JOB_ENTITY, id, job, queued).commit();
        return view(store, queued, stored.version() + 1);
    }

    /** Where to download a report: a presigned URL, valid until {@code expiresAt}. */
    public record Download(URI url, Instant expiresAt) {
    }

    /** Where to download the rejects report of a finished import. */
    public Download rejects(TenantStore store, Caller caller, String id) {
        EnterpriseImport job = job(store, caller, id).value();
        if (job.state() != EnterpriseImport.State.COMPLETED) {
            throw ApiException.conflict("IMPORT_NOT_FINISHED", "导入尚未完成，完成后才有被拒行报告",
                    "The import has not finished; its rejects report comes when it has");
        }
        return new Download(bucket.presignGet(store.keys().tenant(), rejectsKey(store, id)),
                Instant.now().plus(ImportBucket.URL_VALIDITY));
    }

    private void checkHeader(TenantStore store, EnterpriseImport job, String key) {
        Path file = download(store, key);
        try {
            List<RowRejection> problems = new ArrayList<>();
            try {
                ImportRows.read(file, job.format(), new ImportRows.Handler() {
                    @Override
                    public void header(List<String> cells) {
                        ImportColumns.of(cells, problems);
                        throw new HeaderRead();
                    }

                    @Override
                    public void row(int rowNumber, List<String> cells) {
                        throw new HeaderRead();
                    }
                });
            } catch (HeaderRead enough) {
                // only the header is checked before the job is queued
            } catch (ImportRows.Unreadable e) {
                throw new ApiException(422, "IMPORT_UNREADABLE", e.zh, e.en, null);
            }
            if (!problems.isEmpty()) {
                throw new ApiException(422, "IMPORT_REJECTED", "导入文件的表头有" + problems.size() + "处错误，未导入任何行",
                        problems.size() + " problems in the file's header; nothing was imported", problems.get(0).column(),
                        problems.subList(0, Math.min(MAX_REPORTED_HEADER, problems.size())));
            }
        } finally {
            delete(file);
        }
    }

    private static final class HeaderRead extends RuntimeException {
        HeaderRead() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- the import function's work

    /**
     * Runs a queued import. A job in any other state is left alone, so a redelivered stream record
     * does no harm; a job claimed by a run that then died is shown FAILED once it has been silent
     * for {@link #STALLED_AFTER}, and importing the same file again (a new job) finishes it, since
     * rows already imported are no-ops.
     */
    public void run(TenantStore store, String id, String requestId) {
        Optional<Stored<EnterpriseImport>> found = store.get(jobPk(store, id), "JOB", EnterpriseImport.class);
        if (found.isEmpty() || found.get().value().state() != EnterpriseImport.State.QUEUED) {
            return;
        }
        Caller actor = new Caller("import", found.get().value().importedBy(), store.keys().tenant(), Set.of(), Optional.empty());
        EnterpriseImport job = found.get().value().running(Instant.now());
        long[] version = {found.get().version()};
        try {
            store.begin(actor, requestId).update(jobKey(store, job), JOB_ENTITY, job, version[0]).commit();
        } catch (ApiException claimedElsewhere) {
            return;
        }
        version[0]++;
        Path file = download(store, fileKey(store, job));
        Path report = null;
        try {
            int total = count(file, job.format());
            job = job.counted(total, Instant.now());
            store.begin(actor, requestId).update(jobKey(store, job), JOB_ENTITY, job, version[0]++).commit();
            report = Files.createTempFile("enterprise-import-rejects", ".csv");
            job = importRows(store, actor, requestId, job, version, file, report);
            bucket.upload(store.keys().tenant(), rejectsKey(store, id), "text/csv; charset=utf-8", report);
            EnterpriseImport done = job.completed(Instant.now());
            store.begin(actor, requestId).update(jobKey(store, done), JOB_ENTITY, done, version[0])
                    .audit("enterprise.import.completed", JOB_ENTITY, id, null, done).commit();
            log(store, done);
        } catch (ImportRows.Unreadable e) {
            fail(store, actor, requestId, id, new Problem.Message(e.zh, e.en));
        } catch (IOException | RuntimeException e) {
            // Rows written so far stay written (each is whole); the same file again completes the import.
            LOG.error("enterprise import " + id + " failed", e);
            fail(store, actor, requestId, id, new Problem.Message("系统内部错误，导入中止；已导入的行保留，可重新导入同一文件以完成",
                    "Internal error; the import stopped. Rows imported so far stay; import the same file again to complete it"));
        } finally {
            delete(file);
            if (report != null) {
                delete(report);
            }
        }
    }

    /** Marks the job failed, whatever version its last progress write left it at. */
    private static void fail(TenantStore store, Caller actor, String requestId, String id, Problem.Message why) {
        Stored<EnterpriseImport> current = store.get(jobPk(store, id), "JOB", EnterpriseImport.class).orElseThrow();
        EnterpriseImport failed = current.value().failed(why, Instant.now());
        store.begin(actor, requestId).update(jobKey(store, failed), JOB_ENTITY, failed, current.version())
                .audit("enterprise.import.failed", JOB_ENTITY, id, null, failed).commit();
    }

    private static int count(Path file, ImportRows.Format format) throws ImportRows.Unreadable {
        int[] rows = {0};
        ImportRows.read(file, format, new ImportRows.Handler() {
            @Override
            public void header(List<String> cells) {
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                rows[0]++;
            }
        });
        return rows[0];
    }

    /** The second pass: rows in batches to the writers, the job's progress about once a second. */
    private EnterpriseImport importRows(TenantStore store, Caller actor, String requestId, EnterpriseImport start,
                                        long[] version, Path file, Path reportFile)
            throws ImportRows.Unreadable, IOException {
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        // At most two batches per writer in flight, so memory holds a few hundred rows, not the file.
        Semaphore inFlight = new Semaphore(2 * WRITERS);
        List<Future<?>> pending = new ArrayList<>();
        EnterpriseImport[] job = {start};
        long[] lastProgress = {System.currentTimeMillis()};
        Rejects rejects = new Rejects(rejected);
        Run run = new Run(store, actor, requestId, start.id(), imported, unchanged, rejects, new AtomicBoolean());
        try {
            ImportColumns[] columns = {null};
            Set<String> seen = new HashSet<>();
            List<ImportColumns.Row> batch = new ArrayList<>();
            ImportRows.read(file, start.format(), new ImportRows.Handler() {
                @Override
                public void header(List<String> cells) {
                    List<RowRejection> problems = new ArrayList<>();
                    columns[0] = ImportColumns.of(cells, problems);
                    problems.forEach(rejects::add);
                    if (!problems.isEmpty()) {
                        columns[0] = null; // the file changed since it was started: no row can be read
                    }
                }

                @Override
                public void row(int rowNumber, List<String> cells) {
                    take(rowNumber, cells);
                    if (System.currentTimeMillis() - lastProgress[0] > PROGRESS_EVERY_MILLIS) {
                        lastProgress[0] = System.currentTimeMillis();
                        job[0] = job[0].advanced(imported.get(), unchanged.get(), rejected.get(), Instant.now());
                        store.begin(actor, requestId).update(jobKey(store, job[0]), JOB_ENTITY, job[0], version[0]++)
                                .commit();
                        log(store, job[0]);
                    }
                }

                private void take(int rowNumber, List<String> cells) {
                    if (columns[0] == null) {
                        rejects.add(new RowRejection(rowNumber, null, null, "VALIDATION_FAILED",
                                new Problem.Message("表头有误，未读取此行", "The header is wrong; the row was not read")));
                        return;
                    }
                    ImportColumns.Row row;
                    try {
                        row = columns[0].parse(rowNumber, cells, mapper);
                    } catch (RowRejection.Refused e) {
                        rejects.add(e.rejection);
                        return;
                    }
                    try {
                        String code = CreditCode.parse(ImportColumns.CREDIT_CODE, row.creditCode()).value();
                        if (!seen.add(code)) {
                            throw ApiException.validation(ImportColumns.CREDIT_CODE, "同一企业在文件中出现了两次，只导入第一次出现的行",
                                    "The enterprise appears twice in the file; only its first row is imported");
                        }
                        batch.add(new ImportColumns.Row(row.number(), code, row.facts(), row.columns()));
                    } catch (ApiException e) {
                        rejects.add(RowRejection.of(rowNumber, row.creditCode(), ImportColumns.CREDIT_CODE, e));
                        return;
                    }
                    if (batch.size() == BATCH_ROWS) {
                        submit(List.copyOf(batch));
                        batch.clear();
                    }
                }

                private void submit(List<ImportColumns.Row> rows) {
                    inFlight.acquireUninterruptibly();
                    pending.add(writers.submit(() -> {
                        try {
                            write(run, rows, !run.existingSeen.get());
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
            });
            if (!batch.isEmpty()) {
                inFlight.acquireUninterruptibly();
                List<ImportColumns.Row> last = List.copyOf(batch);
                pending.add(writers.submit(() -> {
                    try {
                        write(run, last, !run.existingSeen.get());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
            try (Writer report = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8)) {
                rejects.writeTo(report);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            writers.shutdown();
        }
        return job[0].advanced(imported.get(), unchanged.get(), rejected.get(), Instant.now());
    }

    /**
     * The rejects report, added to by the reader and every writer thread. It is kept until the end
     * to be written in row order (writers finish their batches out of order): memory for the rejected
     * rows only, about 200 bytes each.
     */
    private static final class Rejects {
        private final List<RowRejection> rows = new ArrayList<>();
        private final AtomicInteger count;

        Rejects(AtomicInteger count) {
            this.count = count;
        }

        synchronized void add(RowRejection r) {
            count.incrementAndGet();
            rows.add(r);
        }

        synchronized void writeTo(Writer out) throws IOException {
            rows.sort(java.util.Comparator.comparing(RowRejection::row, java.util.Comparator.nullsFirst(Integer::compare)));
            out.write(RowRejection.CSV_HEADER);
            for (RowRejection r : rows) {
                out.write(r.csvLine());
            }
        }
    }

    /** What every writer of one import shares. */
    private record Run(TenantStore store, Caller actor, String requestId, String importId, AtomicInteger imported,
                       AtomicInteger unchanged, Rejects rejects, AtomicBoolean existingSeen) {
    }

    /**
     * Writes one batch of rows: stages each row and packs the staged rows into transactions of up to
     * 100 items, each with one audit record of its rows. If a transaction fails (a file changed
     * meanwhile, or exists after all), its rows are tried again one by one, each read first, so only
     * the row that cannot be written is rejected, and each row written then has a record of its own.
     *
     * @param assumeNew whether to write the rows as new files without reading them first. A new
     *                  file's write is conditional on no file being there, so a row whose file exists
     *                  fails its transaction and is tried again read; the import reads first once it
     *                  has met an existing file, so importing the same file again costs one read a
     *                  batch, not a failed transaction a pack.
     */
    private void write(Run run, List<ImportColumns.Row> rows, boolean assumeNew) {
        // A row without a name can only be for an existing file (a new one needs its name): read it.
        List<String> toRead = rows.stream().filter(r -> !assumeNew || !names(r)).map(ImportColumns.Row::creditCode).toList();
        Map<String, Stored<EnterpriseFile>> existing = toRead.isEmpty() ? Map.of() : files.loadAll(run.store, toRead);
        if (!existing.isEmpty()) {
            run.existingSeen.set(true);
        }
        Instant now = Instant.now();
        Pack pack = null;
        for (ImportColumns.Row row : rows) {
            Optional<EnterpriseFiles.StagedRow> staged;
            try {
                staged = files.stageImport(run.store, run.actor, row.creditCode(), existing.get(row.creditCode()),
                        row.facts(), run.importId, now);
            } catch (ApiException e) {
                run.rejects.add(RowRejection.of(row.number(), row.creditCode(), row.columnOf(e.field()), e));
                continue;
            }
            if (staged.isEmpty()) {
                run.unchanged.incrementAndGet();
                continue;
            }
            long auditBytes = auditBytes(staged.get());
            if (pack != null && !pack.fits(staged.get(), auditBytes)) {
                commit(run, pack, assumeNew);
                pack = null;
            }
            if (pack == null) {
                pack = new Pack(run.store.begin(run.actor, run.requestId));
            }
            pack.add(row, staged.get(), auditBytes);
        }
        if (pack != null) {
            commit(run, pack, assumeNew);
        }
    }

    /**
     * The rows of one transaction and what its one audit record keeps of them. It takes rows while
     * their items, its audit record and its partition catalogue item fit {@link Transaction#MAX_ITEMS},
     * and while the record's JSON fits {@link #AUDIT_BYTES}; its first row it always takes.
     */
    private static final class Pack {
        /** {@code {"rows":[]}}, in before and after. */
        private static final int ENVELOPE_BYTES = 2 * 11;

        final Transaction tx;
        final List<ImportColumns.Row> rows = new ArrayList<>();
        private final List<Map<String, Object>> audited = new ArrayList<>();
        private final List<Map<String, Object>> superseded = new ArrayList<>();
        private long auditBytes = ENVELOPE_BYTES;

        Pack(Transaction tx) {
            this.tx = tx;
        }

        boolean fits(EnterpriseFiles.StagedRow row, long rowAuditBytes) {
            return tx.size() + row.items() + SHARED_MARGIN <= Transaction.MAX_ITEMS
                    && auditBytes + rowAuditBytes <= AUDIT_BYTES;
        }

        void add(ImportColumns.Row row, EnterpriseFiles.StagedRow staged, long rowAuditBytes) {
            staged.writes().accept(tx);
            rows.add(row);
            audited.add(staged.audited());
            if (staged.superseded() != null) {
                superseded.add(staged.superseded());
            }
            auditBytes += rowAuditBytes;
        }

        /** Adds the audit record of the pack's rows: what they wrote, and what that superseded of existing files. */
        void audit(String importId) {
            tx.audit(ROWS_ACTION, JOB_ENTITY, importId, superseded.isEmpty() ? null : Map.of("rows", superseded),
                    Map.of("rows", audited));
        }
    }

    /** What a row adds to its pack's audit record, in bytes of JSON (with a comma in each list). */
    private long auditBytes(EnterpriseFiles.StagedRow row) {
        try {
            long bytes = mapper.writeValueAsBytes(row.audited()).length + 1;
            if (row.superseded() != null) {
                bytes += mapper.writeValueAsBytes(row.superseded()).length + 1;
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit view that Jackson cannot write", e);
        }
    }

    private static boolean names(ImportColumns.Row row) {
        return row.facts().stream().anyMatch(f -> "name".equals(f.field()));
    }

    private void commit(Run run, Pack pack, boolean assumedNew) {
        List<ImportColumns.Row> rows = pack.rows;
        try {
            pack.audit(run.importId);
            pack.tx.commit();
            run.imported.addAndGet(rows.size());
            return;
        } catch (ApiException lostRace) {
            if (assumedNew) {
                run.existingSeen.set(true);
            } else if (rows.size() == 1) {
                run.rejects.add(RowRejection.of(rows.get(0).number(), rows.get(0).creditCode(), null, lostRace));
                return;
            }
        }
        for (ImportColumns.Row row : rows) {
            write(run, List.of(row), false);
        }
    }

    // ---------------------------------------------------------------- internals

    private Path download(TenantStore store, String key) {
        try {
            Path file = Files.createTempFile("enterprise-import", ".upload");
            Files.delete(file); // the SDK writes the file itself and refuses an existing one
            bucket.download(store.keys().tenant(), key, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file);
        }
    }

    private void log(TenantStore store, EnterpriseImport job) {
        EnterpriseImport.Progress p = job.progress(Instant.now());
        LOG.info("{\"enterpriseImport\":\"{}\",\"tenant\":\"{}\",\"state\":\"{}\",\"processed\":{},\"total\":{},"
                        + "\"percent\":{},\"rowsPerSecond\":{},\"secondsLeft\":{}}", job.id(), store.keys().tenant().value(),
                job.state(), p.processed(), p.total(), p.percent(), p.rowsPerSecond(), p.secondsLeft());
    }

    private ImportView view(TenantStore store, EnterpriseImport job, long version) {
        Upload upload = null;
        if (job.state() == EnterpriseImport.State.CREATED) {
            Instant now = Instant.now();
            upload = new Upload(bucket.presignPut(store.keys().tenant(), fileKey(store, job), job.format().mediaType), "PUT",
                    job.format().mediaType, now.plus(ImportBucket.URL_VALIDITY));
        }
        return new ImportView(job, version, job.progress(Instant.now()), upload);
    }

    /** A department user sees its own imports only; the center's staff see every import of the center. */
    private Stored<EnterpriseImport> job(TenantStore store, Caller caller, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.notFound("导入任务", "import");
        }
        Stored<EnterpriseImport> job = store.get(jobPk(store, id), "JOB", EnterpriseImport.class)
                .orElseThrow(() -> ApiException.notFound("导入任务", "import"));
        if (!caller.hasAny(CENTER) && !caller.username().equals(job.value().importedBy())) {
            throw ApiException.notFound("导入任务", "import");
        }
        return stalled(job.value()) ? settle(store, id) : job;
    }

    /**
     * Whether a running job has stopped without a word: its run writes progress every second, and
     * no run lasts longer than the import function's timeout, so one silent for longer has died.
     */
    private static boolean stalled(EnterpriseImport job) {
        return job.state() == EnterpriseImport.State.RUNNING && job.updatedAt().plus(STALLED_AFTER).isBefore(Instant.now());
    }

    /** Records a stalled job as FAILED (once: of two readers one writes, the other reads what it wrote). */
    private static Stored<EnterpriseImport> settle(TenantStore store, String id) {
        Stored<EnterpriseImport> current = store.get(jobPk(store, id), "JOB", EnterpriseImport.class).orElseThrow();
        if (stalled(current.value())) {
            Caller system = new Caller("system", "system:import-watch", store.keys().tenant(), Set.of(), Optional.empty());
            EnterpriseImport failed = current.value().failed(new Problem.Message(
                    "导入中断（超时或进程终止）；已导入的行保留，可重新导入同一文件以完成",
                    "The import stopped (timed out or died); rows imported so far stay; import the same file again to complete it"),
                    Instant.now());
            try {
                store.begin(system, "import-watch-" + id).update(jobKey(store, failed), JOB_ENTITY, failed, current.version())
                        .audit("enterprise.import.failed", JOB_ENTITY, id, null, failed).commit();
                return new Stored<>(failed, current.version() + 1);
            } catch (ApiException settledMeanwhile) {
                return store.get(jobPk(store, id), "JOB", EnterpriseImport.class).orElseThrow();
            }
        }
        return current;
    }

    /** One line of the list of imports: the job and its progress. */
    public record ImportSummary(EnterpriseImport job, EnterpriseImport.Progress progress) {
    }

    /**
     * The center's imports, newest first; a department user's own only. A department's page is
     * filled from as many index pages as it takes (at most {@value #MAX_LIST_READS}), so it may hold
     * fewer lines than asked with a cursor to more.
     */
    public Page<ImportSummary> list(TenantStore store, Caller caller, int limit, String cursor) {
        boolean ownOnly = !caller.hasAny(CENTER);
        List<ImportSummary> lines = new ArrayList<>();
        String next = cursor;
        int reads = 0;
        do {
            Page<EnterpriseImport> page = store.queryIndexBackwards("gsi1", listPartition(store), "", EnterpriseImport.class,
                    limit - lines.size(), next);
            for (EnterpriseImport job : page.items()) {
                if (!ownOnly || caller.username().equals(job.importedBy())) {
                    EnterpriseImport shown = stalled(job) ? settle(store, job.id()).value() : job;
                    lines.add(new ImportSummary(shown, shown.progress(Instant.now())));
                }
            }
            next = page.nextCursor();
        } while (ownOnly && lines.size() < limit && next != null && ++reads < MAX_LIST_READS);
        return new Page<>(lines, next);
    }

    static String jobPk(TenantStore store, String id) {
        return store.keys().pk("ENTIMPORT", id);
    }

    /** The job's item, listed in {@code gsi1} under {@code <tenant>#ENTIMPORTS}, newest last by creation time. */
    private static ItemKey jobKey(TenantStore store, EnterpriseImport job) {
        return ItemKey.of(jobPk(store, job.id()), "JOB").withIndex(listPartition(store), job.createdAt() + "#" + job.id());
    }

    private static String listPartition(TenantStore store) {
        return store.keys().pk("ENTIMPORTS");
    }

    private static String fileKey(TenantStore store, EnterpriseImport job) {
        return store.keys().tenant().value() + "/imports/" + job.id() + "." + job.format().extension;
    }

    private static String rejectsKey(TenantStore store, String id) {
        return store.keys().tenant().value() + "/imports/" + id + "-rejects.csv";
    }
}
