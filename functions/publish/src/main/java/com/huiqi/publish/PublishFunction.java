package com.huiqi.publish;

import com.huiqi.shared.http.ApiFunction;
import com.huiqi.shared.http.RouteTable;
import jakarta.inject.Inject;

/** Lambda handler of the publish capability: {@code com.huiqi.publish.PublishFunction::handleRequest}. */
public class PublishFunction extends ApiFunction {

    @Inject
    PublishRoutes routes;

    @Override
    protected RouteTable routes() {
        return routes.table();
    }
}
