package com.huiqi.publish.compilation;

import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.BusinessVariety.VarietyType;
import com.huiqi.publish.model.Level;
import com.huiqi.publish.model.PolicyProduct;
import java.util.ArrayList;
import java.util.List;

/**
 * Which part of the published catalogue a compilation gathers. Every filter is optional and they
 * all must hold. Theme and domain select products; level, region and business type select the
 * business items a product offers, and a product appears with the items that match, if any do.
 *
 * @param region a GB/T 2260 code: an item matches when one of its applicable regions covers all of it
 *               (a Jiangsu-wide item covers 320571; an item for 320571 alone does not cover 320500)
 */
public record CompilationFilter(Level level, String region, String theme, String domain, VarietyType businessType) {

    static final String NATIONWIDE = "100000";

    boolean matches(PolicyProduct product) {
        return (theme == null || theme.equals(product.theme())) && (domain == null || domain.equals(product.domain()));
    }

    /** {@code variety} is absent when it is no longer published; then no business type can match. */
    boolean matches(BusinessItem item, BusinessVariety variety) {
        return (level == null || level == item.level())
                && (region == null || item.applicableRegions().stream().anyMatch(r -> covers(r, region)))
                && (businessType == null || (variety != null && variety.type() == businessType));
    }

    /** Whether an item applicable in {@code applicable} applies throughout {@code wanted}. */
    static boolean covers(String applicable, String wanted) {
        if (applicable.equals(NATIONWIDE)) {
            return true;
        }
        // A province fixes 2 leading digits (320000), a prefecture 4 (320500), a county all 6 (320571).
        int fixed = applicable.endsWith("0000") ? 2 : applicable.endsWith("00") ? 4 : 6;
        return !wanted.equals(NATIONWIDE) && wanted.startsWith(applicable.substring(0, fixed));
    }

    /** The filters in words, for the compilation's heading. */
    List<String> describe() {
        List<String> parts = new ArrayList<>();
        if (level != null) {
            parts.add("层级：" + Labels.of(level));
        }
        if (region != null) {
            parts.add("适用地区：" + region);
        }
        if (theme != null) {
            parts.add("政策主题：" + theme);
        }
        if (domain != null) {
            parts.add("政策领域：" + domain);
        }
        if (businessType != null) {
            parts.add("业务类型：" + Labels.of(businessType));
        }
        return parts;
    }
}
