package com.huiqi.publish.model;

import com.huiqi.shared.error.ApiException;

final class Years {

    private Years() {
    }

    static Integer optional(String field, Integer year) {
        if (year != null && (year < 1949 || year > 2100)) {
            throw ApiException.validation(field, "年度须在1949至2100之间", field + " must be a year from 1949 to 2100");
        }
        return year;
    }
}
