package com.huiqi.publish.imports;

import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.publish.catalogue.ContentChecks;
import com.huiqi.publish.catalogue.ContentChecks.Reference;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.publish.model.Codes;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.TenantStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every row of an import before anything is written, by the same rules as an entry
 * created over the API: each row's fields and rules; codes unique in the file and new in the
 * catalogue; every reference to an entry of the file or of the catalogue. The catalogue is read in
 * batches (BatchGetItem), not row by row, so a file of thousands of rows is checked in seconds.
 */
final class ImportValidator {

    /** A row that passed: its kind, code and checked content, with where it came from. */
    record Checked(ImportRow row, CatalogueContent content) {
        CatalogueKind kind() {
            return row.sheet().kind();
        }
    }

    /** The rows that passed, and the rejections; the import goes ahead only if there are none. */
    record Plan(List<Checked> entries, List<Reference> externalReferences, List<Rejection> rejections) {
    }

    private final ContentChecks checks;

    ImportValidator(ContentChecks checks) {
        this.checks = checks;
    }

    Plan check(TenantStore store, List<ImportRow> rows) {
        List<Rejection> rejections = new ArrayList<>();
        List<Checked> passed = new ArrayList<>();
        Map<String, ImportRow> byKey = new HashMap<>();
        for (ImportRow row : rows) {
            String where = row.sheet().sheetName();
            try {
                Codes.check(ImportSheet.CODE, row.code());
            } catch (ApiException e) {
                rejections.add(Rejection.of(where, row.row(), row.code(), e));
                continue;
            }
            ImportRow earlier = byKey.putIfAbsent(key(row.sheet().kind(), row.code()), row);
            if (earlier != null) {
                rejections.add(Rejection.of(where, row.row(), row.code(), ImportSheet.CODE,
                        "编码与第" + earlier.row() + "行重复：" + row.code(),
                        "Code " + row.code() + " repeats row " + earlier.row()));
                continue;
            }
            try {
                passed.add(new Checked(row, checks.normalizeFields(row.sheet().kind(), row.content())));
            } catch (ApiException e) {
                rejections.add(Rejection.of(where, row.row(), row.code(), e));
            }
        }

        // Codes must be new in the catalogue.
        List<ItemKey> own = passed.stream().map(c -> Catalogue.headItemKey(store, c.kind(), c.row().code())).toList();
        Map<ItemKey, CatalogueEntry> existing = store.getAll(own, CatalogueEntry.class);
        List<Checked> fresh = new ArrayList<>();
        for (int i = 0; i < passed.size(); i++) {
            Checked c = passed.get(i);
            if (existing.containsKey(own.get(i))) {
                rejections.add(new Rejection(c.row().sheet().sheetName(), c.row().row(), c.row().code(), ImportSheet.CODE,
                        "CODE_EXISTS", new com.huiqi.shared.error.Problem.Message(
                        c.kind().nameZh() + "编码已存在：" + c.row().code(), "A " + c.kind().segment()
                        + " entry with code " + c.row().code() + " exists")));
            } else {
                fresh.add(c);
            }
        }

        // References resolve within the file, or to an entry the catalogue has.
        Map<String, Reference> outside = new LinkedHashMap<>();
        for (Checked c : fresh) {
            for (Reference ref : ContentChecks.references(c.content())) {
                if (!byKey.containsKey(key(ref.kind(), ref.code()))) {
                    outside.putIfAbsent(key(ref.kind(), ref.code()), ref);
                }
            }
        }
        Map<String, ItemKey> outsideKeys = new LinkedHashMap<>();
        outside.forEach((k, ref) -> outsideKeys.put(k, Catalogue.headItemKey(store, ref.kind(), ref.code())));
        Map<ItemKey, CatalogueEntry> found = store.getAll(new ArrayList<>(outsideKeys.values()), CatalogueEntry.class);
        Set<String> accepted = new java.util.HashSet<>();
        fresh.forEach(c -> accepted.add(key(c.kind(), c.row().code())));
        Set<Reference> external = new LinkedHashSet<>();
        List<Checked> resolved = new ArrayList<>();
        for (Checked c : fresh) {
            boolean ok = true;
            for (Reference ref : ContentChecks.references(c.content())) {
                String k = key(ref.kind(), ref.code());
                if (byKey.containsKey(k)) {
                    if (!accepted.contains(k)) {
                        ok = false;
                        rejections.add(Rejection.of(c.row().sheet().sheetName(), c.row().row(), c.row().code(),
                                "content." + ref.field(), "引用的" + ref.kind().nameZh() + "“" + ref.code() + "”在本文件中有误",
                                "The referenced " + ref.kind().segment() + " entry " + ref.code() + " is rejected in this file"));
                    }
                } else if (!found.containsKey(outsideKeys.get(k))) {
                    ok = false;
                    rejections.add(Rejection.of(c.row().sheet().sheetName(), c.row().row(), c.row().code(),
                            "content." + ref.field(), "引用的" + ref.kind().nameZh() + "不存在：" + ref.code(),
                            "No " + ref.kind().segment() + " entry " + ref.code() + " in this file or the catalogue"));
                } else {
                    external.add(new Reference(null, ref.kind(), ref.code()));
                }
            }
            if (ok) {
                resolved.add(c);
            }
        }
        return new Plan(resolved, List.copyOf(external), rejections);
    }

    private static String key(CatalogueKind kind, String code) {
        return kind.segment() + "#" + code;
    }
}
