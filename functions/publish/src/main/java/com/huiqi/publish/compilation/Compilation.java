package com.huiqi.publish.compilation;

import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A policy compilation (政策汇编, 000 §7.1.2.3): the published products a filter selects, each
 * with its business items and their conditions as worded, the open calls for applications, and
 * the documents they rest on. Everything in it is a published version; the renderers only lay it out.
 *
 * @param filters the filters in words; empty for the whole catalogue
 * @param zone    the center's zone, in which times are printed
 */
public record Compilation(String title, String center, Instant generatedAt, ZoneId zone, List<String> filters,
                          List<Product> products) {

    /** @param link the stable public link a QR code of the product opens */
    public record Product(String code, PolicyProduct content, String link, List<Item> items, List<Document> documents) {
    }

    /** @param variety absent when the item's variety is no longer published */
    public record Item(String code, BusinessItem content, BusinessVariety variety, List<Notice> notices) {
    }

    /** @param open whether applications are accepted now; otherwise the window is still to come */
    public record Notice(String code, ApplicationNotice content, String link, boolean open) {
    }

    public record Document(String code, PolicyDocument content) {
    }

    /** Every item of every product, in order. */
    List<Item> items() {
        return products.stream().flatMap(p -> p.items().stream()).toList();
    }
}
