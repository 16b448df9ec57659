package com.huiqi.enterprises;

import com.huiqi.shared.http.ApiFunction;
import com.huiqi.shared.http.RouteTable;
import jakarta.inject.Inject;

/** Lambda handler of enterprise files and profiles: {@code com.huiqi.enterprises.EnterprisesFunction::handleRequest}. */
public class EnterprisesFunction extends ApiFunction {

    @Inject
    EnterprisesRoutes routes;

    @Override
    protected RouteTable routes() {
        return routes.table();
    }
}
