package com.huiqi.search.query;

/** How hits are ordered; ties are always broken by kind and code, so paging is stable. */
public enum SortOrder {
    /** best match first */
    RELEVANCE,
    /** newest policy document first; entries without one last */
    ISSUED,
    /** soonest deadline still ahead first, then closed windows, then entries without a window */
    DEADLINE
}
