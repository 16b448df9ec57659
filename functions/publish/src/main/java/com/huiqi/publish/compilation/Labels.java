package com.huiqi.publish.compilation;

import com.huiqi.publish.model.BusinessItem.ItemKind;
import com.huiqi.publish.model.BusinessVariety.VarietyType;
import com.huiqi.publish.model.Level;

/** The Chinese words a compilation prints for the catalogue's enumerations. */
final class Labels {

    private Labels() {
    }

    static String of(Level level) {
        return switch (level) {
            case NATIONAL -> "国家级";
            case PROVINCIAL -> "省级";
            case MUNICIPAL -> "市级";
            case DISTRICT -> "区（县）级";
        };
    }

    static String of(VarietyType type) {
        return switch (type) {
            case RECOGNITION -> "认定类";
            case PROJECT -> "项目类";
            case FUNDING -> "资金类";
            case OTHER -> "其他类";
        };
    }

    static String of(ItemKind kind) {
        return switch (kind) {
            case PRE_COLLECTION -> "预征集类";
            case APPLICATION -> "政策申报类";
        };
    }

    static String conditionKind(String kind, Integer weight) {
        return "soft".equals(kind) ? "加分条件，权重" + weight : "硬性条件";
    }

    static String yesNo(boolean value) {
        return value ? "是" : "否";
    }
}
