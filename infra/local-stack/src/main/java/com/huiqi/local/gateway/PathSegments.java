package com.huiqi.local.gateway;

import java.util.ArrayList;
import java.util.List;

/** Splits paths into segments the way route matching compares them. */
final class PathSegments {

    private PathSegments() {
    }

    /** "/a/b/" gives [a, b, ""]: a trailing slash is a segment of its own, as in API Gateway. */
    static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        List<String> segments = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return segments;
        }
        int start = 0;
        while (true) {
            int slash = trimmed.indexOf('/', start);
            if (slash < 0) {
                segments.add(trimmed.substring(start));
                return segments;
            }
            segments.add(trimmed.substring(start, slash));
            start = slash + 1;
        }
    }

    static boolean isGreedy(String templateSegment) {
        return templateSegment.startsWith("{") && templateSegment.endsWith("+}");
    }

    static boolean isVariable(String templateSegment) {
        return templateSegment.startsWith("{") && templateSegment.endsWith("}") && !isGreedy(templateSegment);
    }

    /** "{tenantId}" and "{proxy+}" give "tenantId" and "proxy". */
    static String variableName(String templateSegment) {
        String inner = templateSegment.substring(1, templateSegment.length() - 1);
        return inner.endsWith("+") ? inner.substring(0, inner.length() - 1) : inner;
    }
}
