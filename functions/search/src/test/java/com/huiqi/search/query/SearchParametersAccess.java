package com.huiqi.search.query;

import java.util.List;
import java.util.Set;

/** Test access to the region chain of {@link SearchParameters}. */
public final class SearchParametersAccess {

    private SearchParametersAccess() {
    }

    public static Set<String> regions(String code) {
        return SearchParameters.regions(List.of(code));
    }
}
