package com.huiqi.publish.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueEntry.RevisionState;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.publish.catalogue.ContentChecks;
import com.huiqi.publish.catalogue.ContentChecks.Reference;
import com.huiqi.publish.imports.ImportJob.State;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of a catalogue from a workbook (000 §6.1; the layout is {@link ImportSheet}).
 * Nothing is half-written:
 * <ol>
 *   <li>The request reads and checks every row; any rejected row rejects the file with a
 *       row-by-row report (422 {@code IMPORT_REJECTED}), and nothing is written.</li>
 *   <li>A clean file is stored as chunks beside a new job, answered 202 with where to poll.</li>
 *   <li>The import function files the chunks as entries submitted for review, one transaction per
 *       chunk with the job's progress; if a chunk cannot be filed (a code taken meanwhile), every
 *       entry the import filed is removed again, audited, and the job says why.</li>
 *   <li>Another staff member approves the import; the function publishes the entries chunk by
 *       chunk in the sheets' order, so each entry's references are published before it. Or a
 *       reviewer (or the importer) rejects it with a reason, and the function removes its entries
 *       again, except any published on its own since.</li>
 * </ol>
 */
@Singleton
public class CatalogueImports {

    static final String JOB_ENTITY = "CatalogueImport";
    static final String CHUNK_ENTITY = "CatalogueImportChunk";
    public static final Set<String> MEDIA_TYPES = Set.of(ImportTemplate.MEDIA_TYPE);
    /**
     * The largest file one request takes: API Gateway hands a binary body to Lambda base64-encoded,
     * and a synchronous invocation carries at most 6 MB, so 4 MiB (about 5.6 MB encoded) is what
     * reaches the function. The 2,000-product workbook of the benchmark is 0.5 MB.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_REPORTED = 1000;
    /**
     * Entries per chunk: publishing one entry writes its head, its version, its audit record and
     * the partition catalogue entry (and a document's expiry mark), so 18 entries stay under the
     * 100 items of one DynamoDB transaction.
     */
    private static final int CHUNK_ENTRIES = 18;
    /** And its stored size, well under DynamoDB's 400 KB item limit. */
    private static final int CHUNK_BYTES = 300 * 1024;
    /** Chunk items stored per transaction while accepting a file, under its 4 MB limit. */
    private static final int CHUNKS_PER_WRITE = 10;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImports.class);

    private final ObjectMapper mapper;
    private final Catalogue catalogue;
    private final ImportValidator validator;

    public CatalogueImports(@Named(PlatformBeans.MAPPER) ObjectMapper mapper, Catalogue catalogue, ContentChecks checks) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.validator = new ImportValidator(checks);
    }

    /** An import as a client sees it: the job and how far its current phase is. */
    public record ImportView(ImportJob job, long version, ImportJob.Progress progress) {
    }

    /** The body of an approval. */
    public record Approval(Long version) {
    }

    /** The body of a rejection: the import is sent back with a reason, and its entries removed. */
    public record Withdrawal(Long version, String reason) {
    }

    /**
     * Checks the whole file and, if every row passes, queues it; see the class comment.
     *
     * @param zone the center's zone, in which times without an offset are read
     */
    public ImportView start(TenantStore store, Caller importer, String requestId, ZoneId zone, byte[] workbook) {
        WorkbookReader.Result read = new WorkbookReader(mapper, zone).read(workbook);
        List<Rejection> rejections = new ArrayList<>(read.rejections());
        ImportValidator.Plan plan = validator.check(store, read.rows());
        rejections.addAll(plan.rejections());
        if (rejections.isEmpty() && plan.entries().isEmpty()) {
            throw ApiException.validation(null, "文件中没有可导入的行", "The file has no rows to import");
        }
        if (!rejections.isEmpty()) {
            throw new ApiException(422, "IMPORT_REJECTED",
                    "导入文件有" + rejections.size() + "处错误，未导入任何条目；请按逐行报告改正后重新上传",
                    rejections.size() + " problems in the file; nothing was imported. Correct the rows reported and upload again",
                    null, rejections.subList(0, Math.min(MAX_REPORTED, rejections.size())));
        }
        List<ImportChunk> chunks = chunk(plan.entries());
        String id = UUID.randomUUID().toString();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        plan.entries().forEach(c -> byKind.merge(c.kind().segment(), 1, Integer::sum));
        for (int from = 0; from < chunks.size(); from += CHUNKS_PER_WRITE) {
            // The chunks are the job's input, not catalogue changes: the job's creation is what is audited.
            Transaction write = store.begin(importer, requestId);
            for (int i = from; i < Math.min(chunks.size(), from + CHUNKS_PER_WRITE); i++) {
                write.create(chunkKey(store, id, i), CHUNK_ENTITY, chunks.get(i));
            }
            write.commit();
        }
        Instant now = Instant.now();
        ImportJob job = new ImportJob(id, State.FILING_QUEUED, importer.username(), null, plan.entries().size(), byKind,
                chunks.size(), 0, 0, plan.externalReferences(), now, null, null, null, now, null, null, null);
        store.begin(importer, requestId)
                .create(jobKey(store, id), JOB_ENTITY, job)
                .audit("catalogue.import.start", JOB_ENTITY, id, null, job)
                .commit();
        return view(job, 1);
    }

    public ImportView get(TenantStore store, String id) {
        Stored<ImportJob> job = job(store, id);
        return view(job.value(), job.version());
    }

    /**
     * Another staff member's approval of a filed import (or of one whose publishing failed, to
     * resume it): queues its publication. The entries it refers to outside the file must be
     * published by then.
     */
    public ImportView approve(TenantStore store, Caller reviewer, String requestId, String id, Approval approval) {
        Stored<ImportJob> stored = job(store, id);
        if (approval == null || approval.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        ImportJob job = stored.value();
        if (job.state() != State.IN_REVIEW && job.state() != State.PUBLISHING_FAILED) {
            throw ApiException.conflict("INVALID_IMPORT_STATE", "该导入当前不可审核发布（状态：" + job.state() + "）",
                    "The import cannot be approved in state " + job.state());
        }
        if (reviewer.username().equals(job.importedBy())) {
            throw ApiException.conflict("SELF_REVIEW", "审核人不能是导入人", "The reviewer cannot be the importer");
        }
        List<ItemKey> keys = job.externalReferences().stream()
                .map(r -> Catalogue.headItemKey(store, r.kind(), r.code())).toList();
        Map<ItemKey, CatalogueEntry> heads = store.getAll(keys, CatalogueEntry.class);
        for (int i = 0; i < keys.size(); i++) {
            CatalogueEntry head = heads.get(keys.get(i));
            Reference ref = job.externalReferences().get(i);
            if (head == null || head.status() != PublicationStatus.PUBLISHED) {
                throw ApiException.conflict("REFERENCE_NOT_PUBLISHED",
                        "导入引用的" + ref.kind().nameZh() + "“" + ref.code() + "”尚未发布，请先发布",
                        "The import refers to " + ref.kind().segment() + " entry " + ref.code() + ", which is not published");
            }
        }
        ImportJob after = job.approved(reviewer.username(), Instant.now());
        store.begin(reviewer, requestId)
                .update(jobKey(store, id), JOB_ENTITY, after, approval.version())
                .audit("catalogue.import.approve", JOB_ENTITY, id, job, after)
                .commit();
        return view(after, approval.version() + 1);
    }

    /**
     * Sends a filed import back (or resumes a removal that stopped part way): queues the removal of
     * its entries. Any staff member may, the importer included — withdrawing publishes nothing.
     */
    public ImportView reject(TenantStore store, Caller reviewer, String requestId, String id, Withdrawal withdrawal) {
        Stored<ImportJob> stored = job(store, id);
        if (withdrawal == null || withdrawal.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        String reason = Fields.text("reason", withdrawal.reason(), 2, 500);
        ImportJob job = stored.value();
        if (job.state() != State.IN_REVIEW && job.state() != State.REJECTING_FAILED) {
            throw ApiException.conflict("INVALID_IMPORT_STATE", "该导入当前不可退回（状态：" + job.state() + "）",
                    "The import cannot be rejected in state " + job.state());
        }
        ImportJob after = job.rejecting(reviewer.username(), reason, Instant.now());
        store.begin(reviewer, requestId)
                .update(jobKey(store, id), JOB_ENTITY, after, withdrawal.version())
                .audit("catalogue.import.reject", JOB_ENTITY, id, job, after)
                .commit();
        return view(after, withdrawal.version() + 1);
    }

    /** What the import function is started to do for a queued job. */
    private enum Work { FILING, PUBLISHING, WITHDRAWING }

    /**
     * The import function's work on a job whose change arrived on the stream: files or publishes
     * it, whichever it is queued for. A job in any other state is left alone, so a redelivered
     * record does no harm.
     */
    public void run(TenantStore store, String id, String requestId) {
        Optional<Stored<ImportJob>> found = store.get(jobPk(store, id), "JOB", ImportJob.class);
        if (found.isEmpty()) {
            return;
        }
        Stored<ImportJob> stored = found.get();
        State queued = stored.value().state();
        if (!ImportJob.queued(queued)) {
            return;
        }
        Work work = switch (queued) {
            case FILING_QUEUED -> Work.FILING;
            case PUBLISHING_QUEUED -> Work.PUBLISHING;
            default -> Work.WITHDRAWING;
        };
        Caller actor = actor(store, switch (work) {
            case FILING -> stored.value().importedBy();
            case PUBLISHING -> stored.value().approvedBy();
            case WITHDRAWING -> stored.value().rejectedBy();
        });
        Instant now = Instant.now();
        State running = switch (work) {
            case FILING -> State.FILING;
            case PUBLISHING -> State.PUBLISHING;
            case WITHDRAWING -> State.REJECTING;
        };
        ImportJob job = stored.value().with(running, stored.value().chunksDone(), stored.value().processed(), now, now);
        long version = stored.version();
        try {
            store.begin(actor, requestId).update(jobKey(store, id), JOB_ENTITY, job, version).commit();
        } catch (ApiException claimedElsewhere) {
            return; // a redelivery of the same record raced this one and runs the job
        }
        version++;
        try {
            for (int i = job.chunksDone(); i < job.chunks(); i++) {
                ImportChunk chunk = store.get(jobPk(store, id), chunkSk(i), ImportChunk.class).orElseThrow().value();
                Transaction t = store.begin(actor, requestId);
                switch (work) {
                    case FILING -> file(t, store, actor, chunk);
                    case PUBLISHING -> publish(t, store, actor, chunk);
                    case WITHDRAWING -> withdraw(t, store, chunk, "catalogue.import.withdraw");
                }
                ImportJob next = job.with(job.state(), i + 1, job.processed() + chunk.entries().size(),
                        job.phaseStartedAt(), Instant.now());
                t.update(jobKey(store, id), JOB_ENTITY, next, version).commit();
                job = next;
                version++;
                if ((i + 1) % Math.max(1, job.chunks() / 20) == 0) {
                    logProgress(store, job); // about every 5 %
                }
            }
        } catch (RuntimeException e) {
            // A client-visible reason (a code taken meanwhile, a referenced entry revoked) is told as
            // it is; anything else is logged and told as an internal failure.
            String zh = e instanceof ApiException api ? api.messageZh() : "系统内部错误";
            String en = e instanceof ApiException api ? api.messageEn() : "internal error";
            if (!(e instanceof ApiException)) {
                LOG.error("import " + id + " failed", e);
            }
            ImportJob failed = switch (work) {
                case FILING -> {
                    rollBack(store, actor, requestId, id, job.chunksDone());
                    yield job.failed(State.FILING_FAILED, zh + "；已撤回本次导入的全部条目（" + en
                            + "; every entry of this import was removed again)", Instant.now());
                }
                case PUBLISHING -> job.failed(State.PUBLISHING_FAILED, zh + "（" + en + "）", Instant.now());
                case WITHDRAWING -> job.failed(State.REJECTING_FAILED, zh + "（" + en + "）", Instant.now());
            };
            store.begin(actor, requestId).update(jobKey(store, id), JOB_ENTITY, failed, version)
                    .audit(switch (work) {
                        case FILING -> "catalogue.import.filing-failed";
                        case PUBLISHING -> "catalogue.import.publishing-failed";
                        case WITHDRAWING -> "catalogue.import.withdrawing-failed";
                    }, JOB_ENTITY, id, job, failed)
                    .commit();
            return;
        }
        ImportJob finished = switch (work) {
            case FILING -> job.filed(Instant.now());
            case PUBLISHING -> job.published(Instant.now());
            case WITHDRAWING -> job.rejected(Instant.now());
        };
        store.begin(actor, requestId).update(jobKey(store, id), JOB_ENTITY, finished, version)
                .audit(switch (work) {
                    case FILING -> "catalogue.import.filed";
                    case PUBLISHING -> "catalogue.import.published";
                    case WITHDRAWING -> "catalogue.import.withdrawn";
                }, JOB_ENTITY, id, job, finished)
                .commit();
        logProgress(store, finished);
    }

    private void file(Transaction t, TenantStore store, Caller importer, ImportChunk chunk) {
        CatalogueKind kind = CatalogueKind.fromSegment(chunk.kind());
        Instant now = Instant.now();
        for (ImportChunk.Entry entry : chunk.entries()) {
            catalogue.addSubmittedEntry(t, store, importer, kind, entry.code(), content(kind, entry), now);
        }
    }

    /** Publishes the chunk's entries still in review; one published by an earlier, interrupted run is skipped. */
    private void publish(Transaction t, TenantStore store, Caller reviewer, ImportChunk chunk) {
        CatalogueKind kind = CatalogueKind.fromSegment(chunk.kind());
        List<ItemKey> keys = chunk.entries().stream().map(e -> Catalogue.headItemKey(store, kind, e.code())).toList();
        Map<ItemKey, Stored<CatalogueEntry>> heads = new LinkedHashMap<>();
        for (ItemKey key : keys) {
            store.get(key.pk(), key.sk(), CatalogueEntry.class).ifPresent(h -> heads.put(key, h));
        }
        Instant now = Instant.now();
        for (int i = 0; i < keys.size(); i++) {
            Stored<CatalogueEntry> head = heads.get(keys.get(i));
            if (head == null) {
                throw ApiException.conflict("IMPORT_ENTRY_MISSING", "导入的" + kind.nameZh() + "“" + chunk.entries().get(i).code()
                        + "”已不存在", "Imported " + kind.segment() + " entry " + chunk.entries().get(i).code() + " is gone");
            }
            var revision = head.value().revision();
            if (revision == null || revision.state() != RevisionState.IN_REVIEW) {
                continue;
            }
            catalogue.addPublication(t, store, reviewer, kind, head.value(), head.version(),
                    mapper.convertValue(revision.content(), kind.type()), now);
        }
    }

    /** Removes what a failed filing wrote, chunk by chunk, each removal audited. */
    private void rollBack(TenantStore store, Caller importer, String requestId, String id, int chunksFiled) {
        for (int i = 0; i < chunksFiled; i++) {
            ImportChunk chunk = store.get(jobPk(store, id), chunkSk(i), ImportChunk.class).orElseThrow().value();
            Transaction t = store.begin(importer, requestId);
            withdraw(t, store, chunk, "catalogue.import.rollback");
            t.commit();
        }
    }

    /**
     * Adds to {@code t} the removal of the chunk's entries that were never published (one
     * published on its own since the import stays), each audited as {@code action}.
     */
    private static void withdraw(Transaction t, TenantStore store, ImportChunk chunk, String action) {
        CatalogueKind kind = CatalogueKind.fromSegment(chunk.kind());
        for (ImportChunk.Entry entry : chunk.entries()) {
            ItemKey key = Catalogue.headItemKey(store, kind, entry.code());
            store.get(key.pk(), key.sk(), CatalogueEntry.class)
                    .filter(head -> head.value().status() == PublicationStatus.UNPUBLISHED)
                    .ifPresent(head -> t.delete(key, head.version()).audit(action, kind.segment(), entry.code(),
                            head.value(), null));
        }
    }

    private CatalogueContent content(CatalogueKind kind, ImportChunk.Entry entry) {
        return mapper.convertValue(entry.content(), kind.type());
    }

    /** Chunks of one kind each, in the sheets' order, bounded by count and stored size. */
    private List<ImportChunk> chunk(List<ImportValidator.Checked> entries) {
        List<ImportChunk> chunks = new ArrayList<>();
        for (ImportSheet sheet : ImportSheet.values()) {
            List<ImportChunk.Entry> current = new ArrayList<>();
            int bytes = 0;
            for (ImportValidator.Checked c : entries) {
                if (c.kind() != sheet.kind()) {
                    continue;
                }
                JsonNode content = mapper.valueToTree(c.content());
                int size = content.toString().getBytes(StandardCharsets.UTF_8).length;
                if (!current.isEmpty() && (current.size() == CHUNK_ENTRIES || bytes + size > CHUNK_BYTES)) {
                    chunks.add(new ImportChunk(sheet.kind().segment(), current));
                    current = new ArrayList<>();
                    bytes = 0;
                }
                current.add(new ImportChunk.Entry(c.row().code(), content));
                bytes += size;
            }
            if (!current.isEmpty()) {
                chunks.add(new ImportChunk(sheet.kind().segment(), current));
            }
        }
        return chunks;
    }

    /** The import's own progress output: a structured line in the function's log. */
    private void logProgress(TenantStore store, ImportJob job) {
        ImportJob.Progress p = job.progress(Instant.now());
        LOG.info("{\"import\":\"{}\",\"tenant\":\"{}\",\"state\":\"{}\",\"processed\":{},\"total\":{},\"percent\":{},"
                        + "\"rowsPerSecond\":{},\"secondsLeft\":{}}", job.id(), store.keys().tenant().value(), job.state(),
                p.processed(), p.total(), p.percent(), p.rowsPerSecond(), p.secondsLeft());
    }

    private ImportView view(ImportJob job, long version) {
        return new ImportView(job, version, job.progress(Instant.now()));
    }

    private Stored<ImportJob> job(TenantStore store, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.notFound("导入任务", "import");
        }
        return store.get(jobPk(store, id), "JOB", ImportJob.class)
                .orElseThrow(() -> ApiException.notFound("导入任务", "import"));
    }

    /** The staff member the job acts for: the importer while filing, the approver while publishing, the reviewer who sent it back while withdrawing. */
    private static Caller actor(TenantStore store, String username) {
        return new Caller("import", username, store.keys().tenant(), Set.of(), Optional.empty());
    }

    static String jobPk(TenantStore store, String id) {
        return store.keys().pk("IMPORT", id);
    }

    private static ItemKey jobKey(TenantStore store, String id) {
        return ItemKey.of(jobPk(store, id), "JOB").withIndex(store.keys().pk("IMPORTS"), id);
    }

    private static ItemKey chunkKey(TenantStore store, String id, int index) {
        return ItemKey.of(jobPk(store, id), chunkSk(index));
    }

    private static String chunkSk(int index) {
        return String.format("CHUNK#%05d", index);
    }
}
