package com.huiqi.publish.catalogue;

import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.publish.model.Interpretation;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import com.huiqi.shared.error.ApiException;
import java.util.Arrays;

/** The kinds of catalogue entry, by the path segment that names them in the API. */
public enum CatalogueKind {
    DOCUMENTS("documents", "政策文件", PolicyDocument.class),
    VARIETIES("varieties", "业务品种", BusinessVariety.class),
    ITEMS("items", "业务事项", BusinessItem.class),
    PRODUCTS("products", "政策产品", PolicyProduct.class),
    NOTICES("notices", "申报通知", ApplicationNotice.class),
    INTERPRETATIONS("interpretations", "政策解读", Interpretation.class);

    private final String segment;
    private final String nameZh;
    private final Class<? extends CatalogueContent> type;

    CatalogueKind(String segment, String nameZh, Class<? extends CatalogueContent> type) {
        this.segment = segment;
        this.nameZh = nameZh;
        this.type = type;
    }

    public String segment() {
        return segment;
    }

    public String nameZh() {
        return nameZh;
    }

    public Class<? extends CatalogueContent> type() {
        return type;
    }

    /** An unknown kind in a path is a resource that does not exist. */
    public static CatalogueKind fromSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst()
                .orElseThrow(() -> ApiException.notFound("目录类别", "catalogue kind"));
    }
}
