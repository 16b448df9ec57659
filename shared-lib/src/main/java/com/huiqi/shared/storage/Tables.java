package com.huiqi.shared.storage;

import java.util.List;

/** Every table of the platform. Add a table here and in template.yaml; TemplateConsistencyTest checks both. */
public final class Tables {

    private Tables() {
    }

    /**
     * Tenant data: every entity of every capability. Partition keys are {@code <tenant>#...} (see
     * {@link com.huiqi.shared.tenancy.Keys}); {@code gsi1} serves alternate lookups within a tenant.
     * The stream feeds search and directory indexing, imports, usage figures and notifications.
     */
    public static final TableDefinition DATA = new TableDefinition("DataTable", "TABLE_DATA", "huiqi-data",
            List.of(TableDefinition.Index.all("gsi1")), true);

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

    public static List<TableDefinition> all() {
        return List.of(DATA, AUDIT, PERSONAL);
    }
}
