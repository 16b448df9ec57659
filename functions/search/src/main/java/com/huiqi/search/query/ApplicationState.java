package com.huiqi.search.query;

/**
 * 申报状态 of an entry with an application window (a notice, or an item or product through its
 * latest notice), as of the moment of the query. CLOSING_SOON is part of OPEN: a window open now
 * that closes within the query's number of working days.
 */
public enum ApplicationState {
    /** 未开始 */
    NOT_YET_OPEN,
    /** 申报中 */
    OPEN,
    /** 即将截止 */
    CLOSING_SOON,
    /** 已截止 */
    CLOSED
}
