package com.huiqi.search.index;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;

/**
 * The deadline sort key as of one instant: a window still open or to come ranks by its closing
 * time, soonest first; closed windows come after every open one, and entries without a window
 * last. A closing time cannot be a static sort key: whether it is still ahead depends on now.
 * The two ranks are powers of two, far above any epoch millisecond, so a cursor carries them
 * exactly as a double.
 */
final class DeadlineRank extends LongValuesSource {

    static final long CLOSED = 1L << 61;
    static final long NO_WINDOW = 1L << 62;

    private final long now;

    DeadlineRank(long now) {
        this.now = now;
    }

    @Override
    public LongValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues closes = DocValues.getNumeric(ctx.reader(), Fields.CLOSES_AT);
        return new LongValues() {
            private long value;

            @Override
            public long longValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = !closes.advanceExact(doc) ? NO_WINDOW : closes.longValue() > now ? closes.longValue() : CLOSED;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, Fields.CLOSES_AT);
    }

    @Override
    public LongValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(now);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadlineRank other && other.now == now;
    }

    @Override
    public String toString() {
        return "deadline(" + now + ")";
    }
}
