package com.huiqi.track;

import com.huiqi.shared.http.ApiFunction;
import com.huiqi.shared.http.RouteTable;
import jakarta.inject.Inject;

/** Lambda handler of the track capability: {@code com.huiqi.track.TrackFunction::handleRequest}. */
public class TrackFunction extends ApiFunction {

    @Inject
    TrackRoutes routes;

    @Override
    protected RouteTable routes() {
        return routes.table();
    }
}
