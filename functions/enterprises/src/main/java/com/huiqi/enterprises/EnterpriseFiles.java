package com.huiqi.enterprises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.enterprise.Activity;
import com.huiqi.shared.enterprise.Claim;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.enterprise.EnterpriseFile;
import com.huiqi.shared.enterprise.EnterpriseItems;
import com.huiqi.shared.enterprise.EnterpriseProfile;
import com.huiqi.shared.enterprise.FactChange;
import com.huiqi.shared.enterprise.FactChanges;
import com.huiqi.shared.enterprise.FactHistory;
import com.huiqi.shared.enterprise.FactSource;
import com.huiqi.shared.enterprise.FieldState;
import com.huiqi.shared.enterprise.FileField;
import com.huiqi.shared.enterprise.FileFields;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.enterprise.Portrait;
import com.huiqi.shared.enterprise.SizeStandard;
import com.huiqi.shared.enterprise.Tag;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enterprise files (一企一档) of one center: creating them, recording figures as the caller's
 * source, their history, lifecycle and activities. Every write recomputes the portrait (size class
 * and tags) and the matching profile, and commits the file (which carries its profile and its
 * directory list line), its history and the audit record in one transaction.
 *
 * <p>An enterprise user only ever reaches its own file (the credit code bound to its account); any
 * other file answers 404, like a file that does not exist.
 */
@Singleton
public class EnterpriseFiles {

    static final String HISTORY = "FactHistory";
    static final String PERSONAL = "PersonalFacts";
    private static final String PERSONAL_SK = "PERSONAL";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The center's own people: they record figures as staff and may correct a deregistered file. */
    private static final Set<Role> CENTER = EnumSet.of(Role.STAFF, Role.CENTER_ADMIN);

    private final ObjectMapper mapper;
    /** The MIIT 2011 standard until a tenant setting selects another of {@link SizeStandard#KNOWN}. */
    private final SizeStandard standard = SizeStandard.defaultStandard();

    public EnterpriseFiles(@Named(PlatformBeans.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The personal figures of one file (legal representative's identity number and phone, contacts),
     * kept apart from the file in the personal-data table, where they are encrypted field by field.
     */
    public record PersonalFacts(Map<String, FieldState> facts) {
        static final String FACTS = "facts";
    }

    /** The body of a create: the credit code and the first figures, which must include the name. */
    public record NewEnterprise(String creditCode, List<FactChange> facts) {
    }

    /** The body of a figures update. */
    public record FactsUpdate(List<FactChange> facts, Long version) {
    }

    /** The body of a lifecycle event. */
    public record LifecycleChange(Lifecycle.EventKind kind, String effectiveOn, String note, Long version) {
    }

    /** The body of an activity record. */
    public record NewActivity(Activity.Kind kind, String subject, Instant occurredAt, Long version) {
    }

    public FileView create(TenantStore store, Caller actor, String requestId, NewEnterprise request) {
        String code = CreditCode.parse("creditCode", request.creditCode()).value();
        Instant now = Instant.now();
        FactChanges.Applied applied = FactChanges.apply(Map.of(), request.facts(), sourceOf(actor), null,
                actor.username(), now, "facts", mapper);
        if (!applied.facts().containsKey("name")) {
            throw ApiException.validation("facts", "新建企业档案须包含企业名称（name）", "A new file needs the name");
        }
        if (store.get(fileKey(store, code).pk(), EnterpriseItems.FILE_SK, EnterpriseFile.class).isPresent()) {
            throw ApiException.conflict("ENTERPRISE_EXISTS", "该统一社会信用代码的企业档案已存在：" + code,
                    "A file with credit code " + code + " exists");
        }
        Lifecycle.Event registered = new Lifecycle.Event(Lifecycle.EventKind.REGISTERED, LocalDate.now(CHINA),
                null, now, actor.username());
        EnterpriseFile file = derive(new EnterpriseFile(code, Lifecycle.Status.ACTIVE, List.of(registered),
                applied.facts(), List.of(), List.of(), null, now, now), now);
        Transaction tx = store.begin(actor, requestId).create(fileKey(store, file.creditCode()), EnterpriseItems.FILE,
                stored(file, 1, now));
        derivedWrites(tx, store, null, file);
        tx.audit("enterprise.create", "enterprise", code, null, auditView(applied.changedKeys(), Map.of(), file)).commit();
        return view(actor, file, 1);
    }

    public FileView get(TenantStore store, Caller actor, String rawCode) {
        Stored<EnterpriseFile> stored = load(store, actor, rawCode);
        return view(actor, stored.value(), stored.version());
    }

    public FileView record(TenantStore store, Caller actor, String requestId, String rawCode, FactsUpdate update) {
        Stored<EnterpriseFile> stored = load(store, actor, rawCode);
        long version = expectVersion(update.version());
        EnterpriseFile before = stored.value();
        if (before.status() == Lifecycle.Status.DEREGISTERED && !actor.hasAny(CENTER)) {
            throw ApiException.conflict("ENTERPRISE_DEREGISTERED", "企业已注销，档案只能由中心工作人员更正",
                    "The enterprise is deregistered; only the center's staff may correct its file");
        }
        Instant now = Instant.now();
        FactChanges.Applied applied = FactChanges.apply(before.facts(), update.facts(), sourceOf(actor), null,
                actor.username(), now, "facts", mapper);
        if (applied.changedKeys().isEmpty()) {
            requireCurrent(stored, version);
            return view(actor, before, stored.version());
        }
        EnterpriseFile after = derive(new EnterpriseFile(before.creditCode(), before.status(), before.lifecycle(),
                applied.facts(), before.recentActivities(), before.tags(), before.size(), before.createdAt(), now), now);
        Transaction tx = store.begin(actor, requestId).update(fileKey(store, after.creditCode()), EnterpriseItems.FILE,
                stored(after, version + 1, now), version);
        for (FactHistory h : applied.history()) {
            tx.create(tableFor(FileFields.fieldOfKey(h.key())), historyKey(store, before.creditCode(), h.key(), now),
                    HISTORY, h);
        }
        derivedWrites(tx, store, before, after);
        tx.audit("enterprise.facts", "enterprise", before.creditCode(), auditView(applied.changedKeys(), before.facts(), null),
                auditView(applied.changedKeys(), after.facts(), after)).commit();
        return view(actor, after, version + 1);
    }

    /**
     * One row of a bulk import, checked and ready to write: {@code items} bounds what it adds to a
     * transaction, so the importer can pack several rows into one; {@code writes} adds them. The row's
     * file, history and derived items always go into the same transaction, so a row is written whole
     * or not at all. The importer writes one audit record per transaction, for all its rows, in that
     * transaction: {@code audited} is what it keeps of this row (the credit code, whether the row
     * created the file, the changed figures, the tags and size class after), {@code superseded} the
     * changed figures as they were (null for a new file).
     */
    public record StagedRow(int items, java.util.function.Consumer<Transaction> writes, Map<String, Object> audited,
                            Map<String, Object> superseded) {
    }

    /**
     * Stages one imported row as the department-import source ({@link FactSource#DEPARTMENT_IMPORT}),
     * by the same {@link FactChanges} rules as any recording, with the import's id as the source
     * reference. Empty when the row changes nothing (the same figures from the same source again),
     * which is what makes a re-run of the same file a no-op.
     *
     * @param existing the file with its personal figures ({@link #loadAll}), or null for a new one
     * @throws ApiException why the row is refused; nothing of it is written
     */
    public java.util.Optional<StagedRow> stageImport(TenantStore store, Caller importer, String code,
                                                     Stored<EnterpriseFile> existing, List<FactChange> facts,
                                                     String importId, Instant now) {
        EnterpriseFile before = existing == null ? null : existing.value();
        if (before != null && before.status() == Lifecycle.Status.DEREGISTERED) {
            throw ApiException.conflict("ENTERPRISE_DEREGISTERED", "企业已注销，档案只能由中心工作人员逐项更正",
                    "The enterprise is deregistered; only the center's staff may correct its file, one by one");
        }
        FactChanges.Applied applied = FactChanges.apply(before == null ? Map.of() : before.facts(), facts,
                FactSource.DEPARTMENT_IMPORT, importId, importer.username(), now, "facts", mapper);
        if (before == null && !applied.facts().containsKey("name")) {
            throw ApiException.validation("name", "新建企业档案须包含企业名称（name）", "A new file needs the name");
        }
        if (applied.changedKeys().isEmpty()) {
            return java.util.Optional.empty();
        }
        EnterpriseFile after;
        if (before == null) {
            Lifecycle.Event registered = new Lifecycle.Event(Lifecycle.EventKind.REGISTERED, LocalDate.now(CHINA),
                    null, now, importer.username());
            after = derive(new EnterpriseFile(code, Lifecycle.Status.ACTIVE, List.of(registered), applied.facts(),
                    List.of(), List.of(), null, now, now), now);
        } else {
            after = derive(new EnterpriseFile(code, before.status(), before.lifecycle(), applied.facts(),
                    before.recentActivities(), before.tags(), before.size(), before.createdAt(), now), now);
        }
        boolean personalChanges = !personalOf(after.facts()).equals(before == null ? Map.of() : personalOf(before.facts()));
        // file (its profile inside); history; personal item. The audit record and the partition
        // catalogue item are one per transaction, whatever rows share it: the importer counts them.
        int items = 1 + applied.history().size() + (personalChanges ? 1 : 0);
        long version = existing == null ? 0 : existing.version();
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("creditCode", code);
        audited.put("created", before == null);
        audited.putAll(auditView(applied.changedKeys(), after.facts(), after));
        Map<String, Object> superseded = null;
        if (before != null) {
            superseded = new LinkedHashMap<>();
            superseded.put("creditCode", code);
            superseded.putAll(auditView(applied.changedKeys(), before.facts(), null));
        }
        return java.util.Optional.of(new StagedRow(items, tx -> {
            if (before == null) {
                tx.create(fileKey(store, after.creditCode()), EnterpriseItems.FILE, stored(after, 1, now));
            } else {
                tx.update(fileKey(store, after.creditCode()), EnterpriseItems.FILE, stored(after, version + 1, now), version);
            }
            for (FactHistory h : applied.history()) {
                tx.create(tableFor(FileFields.fieldOfKey(h.key())), historyKey(store, code, h.key(), now), HISTORY, h);
            }
            derivedWrites(tx, store, before, after);
        }, audited, superseded));
    }

    /** The files of {@code codes} that exist, with their personal figures merged in, read in batches. */
    public Map<String, Stored<EnterpriseFile>> loadAll(TenantStore store, List<String> codes) {
        List<ItemKey> keys = codes.stream().map(c -> fileKey(store, c)).toList();
        Map<ItemKey, Stored<EnterpriseFile>> files = store.getAllStored(Tables.DATA, keys, EnterpriseFile.class);
        List<ItemKey> personalKeys = files.keySet().stream().map(k -> ItemKey.of(k.pk(), PERSONAL_SK)).toList();
        Map<ItemKey, Stored<PersonalFacts>> personal = personalKeys.isEmpty() ? Map.of()
                : store.getAllStored(Tables.PERSONAL, personalKeys, PersonalFacts.class);
        Map<String, Stored<EnterpriseFile>> out = new HashMap<>();
        files.forEach((key, stored) -> {
            EnterpriseFile f = stored.value();
            Stored<PersonalFacts> p = personal.get(ItemKey.of(key.pk(), PERSONAL_SK));
            if (p == null) {
                out.put(f.creditCode(), stored);
                return;
            }
            Map<String, FieldState> facts = new HashMap<>(f.facts());
            facts.putAll(p.value().facts());
            out.put(f.creditCode(), new Stored<>(new EnterpriseFile(f.creditCode(), f.status(), f.lifecycle(), facts,
                    f.recentActivities(), f.tags(), f.size(), f.createdAt(), f.updatedAt()), stored.version()));
        });
        return out;
    }

    /** A page of the superseded values of one figure, newest first. */
    public Page<HistoryView> history(TenantStore store, Caller actor, String rawCode, String fieldName, Integer year,
                                     int limit, String cursor) {
        Stored<EnterpriseFile> stored = load(store, actor, rawCode);
        FileField field = FileFields.require("field", Fields.required("field", fieldName));
        if (field.perYear() != (year != null)) {
            throw ApiException.validation("year", field.perYear() ? "该数据项按年度记录，须提供 year" : "该数据项不分年度，不能带 year",
                    field.perYear() ? "This figure is kept per year; give year" : "This figure is not kept per year");
        }
        String key = FileFields.key(field, year);
        Page<FactHistory> page = store.queryBackwards(tableFor(field), fileKey(store, stored.value().creditCode()).pk(),
                "HIST#" + key + "#", FactHistory.class, limit, cursor);
        boolean full = seesPersonalData(actor);
        boolean enterprise = actor.has(Role.ENTERPRISE);
        return new Page<>(page.items().stream().map(h -> new HistoryView(h.key(), claimView(field, h.claim(), full, enterprise),
                h.supersededAt(), enterprise ? null : h.supersededBy(), h.withdrawn())).toList(), page.nextCursor());
    }

    /** The matching profile, read on its own: it is written with every change of the file, and holds no personal data. */
    public EnterpriseProfile profile(TenantStore store, Caller actor, String rawCode) {
        ItemKey key = fileKey(store, accessibleCode(actor, rawCode));
        EnterpriseProfile kept = store.get(key.pk(), key.sk(), EnterpriseItems.ProfileOnly.class)
                .orElseThrow(EnterpriseFiles::notFound).value().profile();
        if (kept != null) {
            return kept;
        }
        // A file last written before its item kept the profile (local data of an earlier version).
        Stored<EnterpriseFile> file = load(store, actor, rawCode);
        return EnterpriseProfile.of(file.value(), file.version(), file.value().updatedAt());
    }

    public FileView lifecycle(TenantStore store, Caller actor, String requestId, String rawCode, LifecycleChange change) {
        Stored<EnterpriseFile> stored = load(store, actor, rawCode);
        long version = expectVersion(change.version());
        EnterpriseFile before = stored.value();
        Lifecycle.EventKind kind = Fields.required("kind", change.kind());
        if (kind == Lifecycle.EventKind.REGISTERED) {
            throw ApiException.validation("kind", "登记事件只在新建档案时产生", "REGISTERED happens only when the file is created");
        }
        Lifecycle.Status next = kind.after(before.status());
        if (next == null) {
            throw ApiException.conflict("INVALID_LIFECYCLE", "企业当前为" + before.status().labelZh() + "，不能执行该变更",
                    "The enterprise is " + before.status() + "; " + kind + " is not possible");
        }
        LocalDate effective = change.effectiveOn() == null ? LocalDate.now(CHINA) : date("effectiveOn", change.effectiveOn());
        if (effective.isAfter(LocalDate.now(CHINA))) {
            throw ApiException.validation("effectiveOn", "生效日期不能晚于今天", "effectiveOn cannot be in the future");
        }
        Instant now = Instant.now();
        List<Lifecycle.Event> events = new ArrayList<>(before.lifecycle());
        events.add(new Lifecycle.Event(kind, effective, Fields.optionalText("note", change.note(), 200), now, actor.username()));
        EnterpriseFile after = derive(new EnterpriseFile(before.creditCode(), next, events, before.facts(),
                before.recentActivities(), before.tags(), before.size(), before.createdAt(), now), now);
        Transaction tx = store.begin(actor, requestId).update(fileKey(store, after.creditCode()), EnterpriseItems.FILE,
                stored(after, version + 1, now), version);
        derivedWrites(tx, store, before, after);
        tx.audit("enterprise.lifecycle", "enterprise", before.creditCode(), Map.of("status", before.status()),
                Map.of("status", next, "event", events.get(events.size() - 1))).commit();
        return view(actor, after, version + 1);
    }

    /** Records an activity and recomputes the behaviour tags (the write path other capabilities will call). */
    public FileView activity(TenantStore store, Caller actor, String requestId, String rawCode, NewActivity request) {
        Stored<EnterpriseFile> stored = load(store, actor, rawCode);
        long version = expectVersion(request.version());
        Activity.Kind kind = Fields.required("kind", request.kind());
        Instant now = Instant.now();
        Instant at = request.occurredAt() == null ? now : request.occurredAt();
        if (at.isAfter(now)) {
            throw ApiException.validation("occurredAt", "发生时间不能晚于现在", "occurredAt cannot be in the future");
        }
        Activity activity = new Activity(kind, Fields.text("subject", request.subject(), 1, 100), at, actor.username());
        EnterpriseFile before = stored.value();
        List<Activity> recent = new ArrayList<>(before.recentActivities());
        recent.add(activity);
        recent.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        EnterpriseFile after = derive(new EnterpriseFile(before.creditCode(), before.status(), before.lifecycle(),
                before.facts(), recent.subList(0, Math.min(recent.size(), EnterpriseFile.RECENT_ACTIVITIES)),
                before.tags(), before.size(), before.createdAt(), now), now);
        Transaction tx = store.begin(actor, requestId).update(fileKey(store, after.creditCode()), EnterpriseItems.FILE,
                stored(after, version + 1, now), version);
        derivedWrites(tx, store, before, after);
        tx.audit("enterprise.activity", "enterprise", before.creditCode(), null, activity).commit();
        return view(actor, after, version + 1);
    }

    /**
     * Recomputes a file's portrait as of now, though no figure changed: what the scheduled refresh
     * does when the file's portrait is due ({@link Portrait#nextChange}: an activity left the
     * behaviour window, the enterprise had an anniversary). Audited like any change of the file.
     *
     * @return whether the file was written; false when it is gone, not due (the index had not seen
     *         its last write) or another write came first (which recomputed the portrait itself)
     */
    public boolean refreshPortrait(TenantStore store, Caller system, String runId, String code) {
        Stored<EnterpriseFile> stored = loadAll(store, List.of(code)).get(code);
        if (stored == null) {
            return false;
        }
        EnterpriseFile before = stored.value();
        Instant now = Instant.now();
        Instant due = EnterpriseItems.portraitDue(before);
        if (due == null || due.isAfter(now)) {
            return false; // the directory index had not seen the file's last write yet
        }
        EnterpriseFile after = derive(new EnterpriseFile(before.creditCode(), before.status(), before.lifecycle(),
                before.facts(), before.recentActivities(), before.tags(), before.size(), before.createdAt(), now), now);
        Transaction tx = store.begin(system, runId).update(fileKey(store, code), EnterpriseItems.FILE,
                stored(after, stored.version() + 1, now), stored.version());
        tx.audit("enterprise.portrait", "enterprise", code, Map.of("tags", tagNames(before)), Map.of("tags", tagNames(after)));
        try {
            tx.commit();
            return true;
        } catch (ApiException changedMeanwhile) {
            return false;
        }
    }

    private static List<String> tagNames(EnterpriseFile file) {
        return file.tags().stream().map(Tag::name).toList();
    }

    // ---------------------------------------------------------------- internals

    private EnterpriseFile derive(EnterpriseFile file, Instant now) {
        Portrait.Derived d = Portrait.derive(file.facts(), file.recentActivities(), standard, LocalDate.now(CHINA), now);
        return new EnterpriseFile(file.creditCode(), file.status(), file.lifecycle(), file.facts(), file.recentActivities(),
                d.tags(), d.size(), file.createdAt(), file.updatedAt());
    }

    /** The personal figures follow the file in the same transaction, in the personal-data table. */
    private void derivedWrites(Transaction tx, TenantStore store, EnterpriseFile before, EnterpriseFile after) {
        Map<String, FieldState> personalBefore = before == null ? Map.of() : personalOf(before.facts());
        Map<String, FieldState> personalAfter = personalOf(after.facts());
        ItemKey personalKey = ItemKey.of(fileKey(store, after.creditCode()).pk(), PERSONAL_SK);
        if (!personalAfter.equals(personalBefore)) {
            if (personalAfter.isEmpty()) {
                tx.deleteDerived(Tables.PERSONAL, personalKey);
            } else {
                tx.putDerived(Tables.PERSONAL, personalKey, PERSONAL, new PersonalFacts(personalAfter));
            }
        }
    }

    /**
     * The file item as the data table keeps it: without the personal figures, which only the
     * personal-data table holds, and with its list line and listed tags for the directory index.
     */
    private static EnterpriseItems.FileItem stored(EnterpriseFile file, long version, Instant now) {
        return new EnterpriseItems.FileItem(withoutPersonal(file), EnterpriseProfile.of(file, version, now));
    }

    private static EnterpriseFile withoutPersonal(EnterpriseFile file) {
        Map<String, FieldState> facts = new HashMap<>(file.facts());
        facts.keySet().removeIf(k -> FileFields.fieldOfKey(k).personal());
        return new EnterpriseFile(file.creditCode(), file.status(), file.lifecycle(), facts, file.recentActivities(),
                file.tags(), file.size(), file.createdAt(), file.updatedAt());
    }

    private static Map<String, FieldState> personalOf(Map<String, FieldState> facts) {
        Map<String, FieldState> personal = new HashMap<>(facts);
        personal.keySet().removeIf(k -> !FileFields.fieldOfKey(k).personal());
        return personal;
    }

    private static TableDefinition tableFor(FileField field) {
        return field.personal() ? Tables.PERSONAL : Tables.DATA;
    }

    /** The checked code, if the caller may see that enterprise at all (an enterprise user only its own). */
    private static String accessibleCode(Caller actor, String rawCode) {
        String code = CreditCode.parse("creditCode", rawCode).value();
        if (actor.has(Role.ENTERPRISE) && !actor.enterpriseCode().map(code::equals).orElse(false)) {
            throw notFound();
        }
        return code;
    }

    /** The file with its personal figures merged back in. */
    Stored<EnterpriseFile> load(TenantStore store, Caller actor, String rawCode) {
        String code = accessibleCode(actor, rawCode);
        String pk = fileKey(store, code).pk();
        Stored<EnterpriseFile> stored = store.get(pk, EnterpriseItems.FILE_SK, EnterpriseFile.class).orElseThrow(EnterpriseFiles::notFound);
        var personal = store.get(Tables.PERSONAL, pk, PERSONAL_SK, PersonalFacts.class);
        if (personal.isEmpty()) {
            return stored;
        }
        EnterpriseFile f = stored.value();
        Map<String, FieldState> facts = new HashMap<>(f.facts());
        facts.putAll(personal.get().value().facts());
        return new Stored<>(new EnterpriseFile(f.creditCode(), f.status(), f.lifecycle(), facts, f.recentActivities(),
                f.tags(), f.size(), f.createdAt(), f.updatedAt()), stored.version());
    }

    private static ApiException notFound() {
        return ApiException.notFound("企业档案", "Enterprise file");
    }

    static FactSource sourceOf(Caller actor) {
        if (actor.hasAny(CENTER)) {
            return FactSource.STAFF;
        }
        if (actor.has(Role.DEPARTMENT)) {
            return FactSource.DEPARTMENT_IMPORT;
        }
        return FactSource.SELF_DECLARED;
    }

    /** Staff, admins and the enterprise itself see personal data in full; departments and auditors masked. */
    static boolean seesPersonalData(Caller actor) {
        return actor.hasAny(EnumSet.of(Role.STAFF, Role.CENTER_ADMIN, Role.ENTERPRISE));
    }

    static ItemKey fileKey(TenantStore store, String code) {
        return EnterpriseItems.fileKey(store.keys(), code);
    }

    private static ItemKey historyKey(TenantStore store, String code, String key, Instant at) {
        return ItemKey.of(store.keys().pk("ENT", code), "HIST#" + key + "#" + at);
    }

    private static long expectVersion(Long version) {
        if (version == null || version < 1) {
            throw ApiException.validation("version", "须提供读取时的版本号", "version (as read) is required");
        }
        return version;
    }

    private static void requireCurrent(Stored<?> stored, long version) {
        if (stored.version() != version) {
            throw ApiException.conflict("CONCURRENT_MODIFICATION", "数据已被他人修改或已存在，请刷新后重试",
                    "The item was changed by someone else or already exists; reload and retry");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "日期须为 YYYY-MM-DD 格式", "Dates must be YYYY-MM-DD");
        }
    }

    /** What the audit trail keeps of a change: the changed figures, personal data masked. */
    private Map<String, Object> auditView(Set<String> keys, Map<String, FieldState> facts, EnterpriseFile file) {
        Map<String, Object> figures = new TreeMap<>();
        for (String key : keys) {
            FileField field = FileFields.fieldOfKey(key);
            FieldState state = facts.get(key);
            if (state != null) {
                Map<String, Object> claims = new TreeMap<>();
                state.claims().forEach((source, claim) -> claims.put(source.name(), Masking.mask(field, claim.value())));
                figures.put(key, claims);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("figures", figures);
        if (file != null) {
            out.put("tags", file.tags().stream().map(Tag::name).toList());
            if (file.size() != null && file.size().sizeClass() != null) {
                out.put("sizeClass", file.size().sizeClass().labelZh());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- views

    /** A file as the caller may see it, with its version for the next write. */
    public record FileView(FileSummary file, long version) {
    }

    public record FileSummary(String creditCode, String name, Lifecycle.Status status, List<Lifecycle.Event> lifecycle,
                              List<Figure> figures, List<Tag> tags,
                              EnterpriseFile.SizeAssessment size, List<Activity> recentActivities,
                              Instant createdAt, Instant updatedAt) {
    }

    /**
     * One figure: the file's value and where it came from, and every source's claim, so a reader sees
     * a declaration beside the department's figure that overrides it.
     */
    public record Figure(String field, Integer year, String domain, JsonNode value, FactSource source,
                         Instant recordedAt, List<ClaimView> claims) {
    }

    /** One source's value; who recorded it is shown to the center only. */
    public record ClaimView(FactSource source, JsonNode value, Instant recordedAt, String recordedBy, String sourceRef) {
    }

    public record HistoryView(String key, ClaimView claim, Instant supersededAt, String supersededBy, boolean withdrawn) {
    }

    FileView view(Caller actor, EnterpriseFile file, long version) {
        boolean full = seesPersonalData(actor);
        boolean enterprise = actor.has(Role.ENTERPRISE);
        List<Figure> figures = new ArrayList<>();
        file.sortedFacts().forEach((key, state) -> {
            FileField field = FileFields.fieldOfKey(key);
            Claim effective = state.effective().orElseThrow();
            List<ClaimView> claims = state.claims().values().stream()
                    .sorted((a, b) -> Integer.compare(b.source().precedence(), a.source().precedence()))
                    .map(c -> claimView(field, c, full, enterprise)).toList();
            figures.add(new Figure(field.name(), FileFields.yearOfKey(key), field.domain().name(),
                    full ? effective.value() : Masking.mask(field, effective.value()), effective.source(),
                    effective.recordedAt(), claims));
        });
        List<Lifecycle.Event> lifecycle = enterprise ? file.lifecycle().stream().map(e -> new Lifecycle.Event(e.kind(),
                e.effectiveOn(), e.note(), e.recordedAt(), null)).toList() : file.lifecycle();
        List<Activity> activities = enterprise ? file.recentActivities().stream().map(a -> new Activity(a.kind(),
                a.subject(), a.occurredAt(), null)).toList() : file.recentActivities();
        return new FileView(new FileSummary(file.creditCode(), file.name(), file.status(), lifecycle, figures,
                file.tags(), file.size(), activities, file.createdAt(), file.updatedAt()), version);
    }

    private static ClaimView claimView(FileField field, Claim c, boolean full, boolean enterprise) {
        return new ClaimView(c.source(), full ? c.value() : Masking.mask(field, c.value()), c.recordedAt(),
                enterprise ? null : c.recordedBy(), c.sourceRef());
    }
}
