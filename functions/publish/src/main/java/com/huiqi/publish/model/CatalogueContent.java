package com.huiqi.publish.model;

/**
 * What a catalogue entry holds (tables A.1–A.4 of the Suzhou standard, application notices and
 * interpretations).
 * {@link #normalized()} checks every field and returns the cleaned value, or throws a 422 naming
 * the field; nothing unchecked is ever stored.
 */
public sealed interface CatalogueContent
        permits PolicyDocument, BusinessVariety, BusinessItem, PolicyProduct, ApplicationNotice, Interpretation {

    CatalogueContent normalized();

    /** A short title for lists, audit records and compilations. */
    String displayName();
}
