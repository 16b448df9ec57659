package com.huiqi.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Base of every capability's Lambda handler. Lambda instantiates the subclass; Micronaut starts its
 * application context once per execution environment and injects the fields, so the dispatcher
 * and the function's routes are built at init (and captured by SnapStart), not per request.
 * Subclasses only say which routes they serve.
 */
public abstract class ApiFunction extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Inject
    protected Dispatcher dispatcher;

    protected abstract RouteTable routes();

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return dispatcher.dispatch(event, routes());
    }
}
