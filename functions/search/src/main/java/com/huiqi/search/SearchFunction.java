package com.huiqi.search;

import com.huiqi.shared.http.ApiFunction;
import com.huiqi.shared.http.RouteTable;
import jakarta.inject.Inject;

/** Lambda handler of the search capability: {@code com.huiqi.search.SearchFunction::handleRequest}. */
public class SearchFunction extends ApiFunction {

    @Inject
    SearchRoutes routes;

    @Override
    protected RouteTable routes() {
        return routes.table();
    }
}
