package com.huiqi.search.catalogue;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.usage.UsageEvent;
import java.util.regex.Pattern;

/**
 * The {@code {kind}/{code}} of a route that names one catalogue entry, checked as the publish
 * function checks it: an unknown kind, or a code that no entry can have, is a resource that does
 * not exist (404), never a key to look up.
 */
public final class EntryPath {

    /** The codes the publish function accepts (publish's {@code Codes}). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,31}");

    private EntryPath() {
    }

    public static UsageEvent.EntryRef parse(String kind, String code) {
        if (!CatalogueReader.KINDS.contains(kind)) {
            throw ApiException.notFound("目录类别", "catalogue kind");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw notFound();
        }
        return new UsageEvent.EntryRef(kind, code);
    }

    public static ApiException notFound() {
        return ApiException.notFound("目录条目", "catalogue entry");
    }
}
