package com.huiqi.enterprises;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.enterprises.directory.Directory;
import com.huiqi.enterprises.directory.DirectoryQuery;
import com.huiqi.enterprises.imports.EnterpriseImports;
import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.Page;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of the enterprises function. Staff and admins keep the directory and every figure;
 * departments record their own figures; an enterprise user reads its own file and declares what it
 * may; auditors read. Lists and exports are for the center only.
 */
@Singleton
public class EnterprisesRoutes {

    /** Most rows one export returns; narrow the filter for more. */
    static final int EXPORT_LIMIT = 10_000;

    private final RouteTable table = new RouteTable();
    private final EnterpriseFiles files;
    private final Directory directory;

    public EnterprisesRoutes(EnterpriseFiles files, Directory directory, EnterpriseImports imports) {
        this.files = files;
        this.directory = directory;
        // Departments import their own records (业务部门导入); the center's staff import on their behalf.
        Set<Role> importers = EnumSet.of(STAFF, CENTER_ADMIN, DEPARTMENT);
        Set<Role> editors = EnumSet.of(STAFF, CENTER_ADMIN);
        Set<Role> center = EnumSet.of(STAFF, CENTER_ADMIN, AUDITOR);
        Set<Role> readers = EnumSet.of(STAFF, CENTER_ADMIN, DEPARTMENT, AUDITOR, ENTERPRISE);
        String file = "/enterprises/{creditCode}";
        table.add("GET", "/enterprises", this::list, center)
                .add("GET", "/enterprises/export", this::export, center)
                .add("POST", "/enterprises", r -> {
                    EnterpriseFiles.FileView view = files.create(r.store(), r.caller(), r.requestId(),
                            r.body(EnterpriseFiles.NewEnterprise.class));
                    return ApiResponse.created(view, "/enterprises/" + view.file().creditCode());
                }, editors)
                .add("GET", file, r -> ApiResponse.ok(files.get(r.store(), r.caller(), r.path("creditCode"))), readers)
                .add("PUT", file + "/facts", r -> ApiResponse.ok(files.record(r.store(), r.caller(), r.requestId(),
                        r.path("creditCode"), r.body(EnterpriseFiles.FactsUpdate.class))),
                        EnumSet.of(STAFF, CENTER_ADMIN, DEPARTMENT, ENTERPRISE))
                .add("GET", file + "/history", r -> ApiResponse.ok(files.history(r.store(), r.caller(),
                        r.path("creditCode"), r.query("field").orElse(null), year(r.query("year")), r.pageSize(),
                        r.cursor())), readers)
                .add("GET", file + "/profile", r -> ApiResponse.ok(files.profile(r.store(), r.caller(),
                        r.path("creditCode"))), readers)
                .add("POST", file + "/lifecycle", r -> ApiResponse.ok(files.lifecycle(r.store(), r.caller(),
                        r.requestId(), r.path("creditCode"), r.body(EnterpriseFiles.LifecycleChange.class))), editors)
                .add("POST", file + "/activities", r -> ApiResponse.ok(files.activity(r.store(), r.caller(),
                        r.requestId(), r.path("creditCode"), r.body(EnterpriseFiles.NewActivity.class))), editors)
                .add("POST", "/enterprise-imports", r -> {
                    EnterpriseImports.ImportView view = imports.create(r.store(), r.caller(), r.requestId(),
                            r.body(EnterpriseImports.NewImport.class));
                    return ApiResponse.created(view, "/enterprise-imports/" + view.job().id());
                }, importers)
                .add("GET", "/enterprise-imports", r -> ApiResponse.ok(imports.list(r.store(), r.caller(), r.pageSize(),
                        r.cursor())), importers)
                .add("GET", "/enterprise-imports/{id}", r -> ApiResponse.ok(imports.get(r.store(), r.caller(), r.path("id"))),
                        importers)
                .add("POST", "/enterprise-imports/{id}/start", r -> {
                    EnterpriseImports.ImportView view = imports.start(r.store(), r.caller(), r.requestId(), r.path("id"),
                            r.body(EnterpriseImports.Start.class));
                    return ApiResponse.accepted(view, "/enterprise-imports/" + view.job().id());
                }, importers)
                .add("GET", "/enterprise-imports/{id}/rejects", r -> ApiResponse.ok(imports.rejects(r.store(), r.caller(),
                        r.path("id"))), importers);
    }

    public RouteTable table() {
        return table;
    }

    private ApiResponse list(ApiRequest r) {
        return ApiResponse.ok(directory.find(r.store(), DirectoryQuery.parse(r::query), r.pageSize(), r.cursor()));
    }

    /** The whole list for a filter as CSV (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese). */
    private ApiResponse export(ApiRequest r) {
        DirectoryQuery query = DirectoryQuery.parse(r::query);
        StringBuilder csv = new StringBuilder("\uFEFF统一社会信用代码,企业名称,状态,注册地,行业,企业规模\r\n");
        String cursor = null;
        int rows = 0;
        do {
            Page<DirectoryEntry> page = directory.find(r.store(), query, 1000, cursor);
            for (DirectoryEntry e : page.items()) {
                if (++rows > EXPORT_LIMIT) {
                    throw ApiException.badRequest("EXPORT_TOO_LARGE", "导出超过" + EXPORT_LIMIT + "行，请缩小筛选范围",
                            "The export has more than " + EXPORT_LIMIT + " rows; narrow the filter", null);
                }
                csv.append(cell(e.creditCode())).append(',').append(cell(e.name())).append(',')
                        .append(e.status().labelZh()).append(',').append(cell(e.registeredRegion())).append(',')
                        .append(cell(e.industryCode())).append(',').append(cell(e.sizeClass())).append("\r\n");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return ApiResponse.binary("text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("content-disposition", "attachment; filename=\"enterprises.csv\""));
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static Integer year(Optional<String> raw) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_NUMBER", "year 须为整数年份", "year must be a whole year", "year");
        }
    }
}
