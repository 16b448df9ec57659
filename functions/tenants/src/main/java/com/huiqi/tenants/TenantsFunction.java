package com.huiqi.tenants;

import com.huiqi.shared.http.ApiFunction;
import com.huiqi.shared.http.RouteTable;
import jakarta.inject.Inject;

/** Lambda handler of the tenants capability: {@code com.huiqi.tenants.TenantsFunction::handleRequest}. */
public class TenantsFunction extends ApiFunction {

    @Inject
    TenantsRoutes routes;

    @Override
    protected RouteTable routes() {
        return routes.table();
    }
}
