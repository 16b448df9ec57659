package com.huiqi.shared.storage;

import java.util.List;
import java.util.stream.Stream;

/** Every table of the platform. Add a table here and in template.yaml; TemplateConsistencyTest checks both. */
public final class Tables {

    private Tables() {
    }

    /** The attribute of an enterprise file item that the directory indexes copy: what a list line shows. */
    public static final String DIRECTORY_ENTRY = "directory";

    /** The directory's indexes, one per way to look an enterprise up except by tag (a file has several tags). */
    public static final List<String> DIRECTORY_INDEXES =
            List.of("dirname", "dircode", "dirstatus", "dirregion", "dirindustry", "dirsize");

    /**
     * Tenant data: every entity of every capability. Partition keys are {@code <tenant>#...} (see
     * {@link com.huiqi.shared.tenancy.Keys}); {@code gsi1} serves alternate lookups within a tenant.
     * The stream feeds search indexing and notifications.
     *
     * <p>The {@code dir*} indexes are the enterprise directory (企业名录, see
     * {@code com.huiqi.shared.enterprise.EnterpriseItems}): each file item carries its key in each of
     * them, so DynamoDB keeps the lists in step with the file itself, and they copy only the file's
     * small {@value #DIRECTORY_ENTRY} attribute, not its figures.
     */
    public static final TableDefinition DATA = new TableDefinition("DataTable", "TABLE_DATA", "huiqi-data",
            Stream.concat(Stream.of(TableDefinition.Index.all("gsi1")), directoryIndexes()).toList(), true);

    /**
     * The append-only audit trail, {@code <tenant>#AUDIT#<yyyy-MM-dd>} partitions. Functions may
     * only put into it (template.yaml grants no update or delete), and every put is conditional
     * on the item not existing, so a record can never be rewritten.
     */
    public static final TableDefinition AUDIT =
            new TableDefinition("AuditTable", "TABLE_AUDIT", "huiqi-audit", List.of(), false);

    /**
     * Personal data (个人信息) of enterprise files, such as a legal representative's identity number:
     * {@code <tenant>#...} partitions like the data table, but every item's personal attributes are
     * encrypted field by field by the AWS Database Encryption SDK before they leave the function. A
     * table of its own because that SDK must know every attribute of every item in a table it
     * encrypts, and the data table holds every entity of every capability.
     */
    public static final TableDefinition PERSONAL =
            new TableDefinition("PersonalTable", "TABLE_PERSONAL", "huiqi-personal", List.of(), false);

    /** Static initialisers run in order: DIRECTORY_INDEXES is declared above DATA, which reads it. */
    private static Stream<TableDefinition.Index> directoryIndexes() {
        return DIRECTORY_INDEXES.stream().map(name -> new TableDefinition.Index(name, List.of(DIRECTORY_ENTRY)));
    }

    public static List<TableDefinition> all() {
        return List.of(DATA, AUDIT, PERSONAL);
    }
}
