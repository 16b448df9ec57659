package com.huiqi.enterprises;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Passes to {@code delegate} only the requests that name {@code table}, and every request whose
 * tables it cannot tell (PartiQL, say). The Database Encryption SDK's interceptor converts every
 * request and response it sees into its own model and back, even for tables it has no
 * configuration for and leaves untouched: in an import that was a tenth of the function's CPU for
 * transactions that never touch the personal-data table.
 */
final class TableScopedInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> APPLIES = new ExecutionAttribute<>("huiqi.tableScoped.applies");

    private final ExecutionInterceptor delegate;
    private final String table;

    TableScopedInterceptor(ExecutionInterceptor delegate, String table) {
        this.delegate = delegate;
        this.table = table;
    }

    /** Whether {@code request} may touch {@link #table}: true unless it names its tables and none is that one. */
    boolean applies(SdkRequest request) {
        if (request instanceof TransactWriteItemsRequest r) {
            return r.transactItems().stream().anyMatch(this::names);
        }
        if (request instanceof TransactGetItemsRequest r) {
            return r.transactItems().stream().anyMatch(i -> i.get() == null || table.equals(i.get().tableName()));
        }
        if (request instanceof BatchWriteItemRequest r) {
            return r.requestItems().containsKey(table);
        }
        if (request instanceof BatchGetItemRequest r) {
            return r.requestItems().containsKey(table);
        }
        Optional<String> named = request.getValueForField("TableName", String.class);
        return named.map(table::equals).orElse(true);
    }

    private boolean names(TransactWriteItem item) {
        String named = item.put() != null ? item.put().tableName()
                : item.update() != null ? item.update().tableName()
                : item.delete() != null ? item.delete().tableName()
                : item.conditionCheck() != null ? item.conditionCheck().tableName() : null;
        return named == null || Objects.equals(table, named);
    }

    private boolean on(ExecutionAttributes attributes) {
        return Boolean.TRUE.equals(attributes.getAttribute(APPLIES));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        boolean applies = applies(context.request());
        attributes.putAttribute(APPLIES, applies);
        if (applies) {
            delegate.beforeExecution(context, attributes);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyRequest(context, attributes) : context.request();
    }

    @Override
    public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.beforeMarshalling(context, attributes);
        }
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.afterMarshalling(context, attributes);
        }
    }

    @Override
    public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                                       ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyHttpRequest(context, attributes) : context.httpRequest();
    }

    @Override
    public Optional<software.amazon.awssdk.core.sync.RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                                                    ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyHttpContent(context, attributes) : context.requestBody();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.beforeTransmission(context, attributes);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.afterTransmission(context, attributes);
        }
    }

    @Override
    public software.amazon.awssdk.http.SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                                                                         ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyHttpResponse(context, attributes) : context.httpResponse();
    }

    @Override
    public Optional<java.io.InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                                   ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyHttpResponseContent(context, attributes) : context.responseBody();
    }

    @Override
    public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.beforeUnmarshalling(context, attributes);
        }
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.afterUnmarshalling(context, attributes);
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyResponse(context, attributes) : context.response();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.afterExecution(context, attributes);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        return on(attributes) ? delegate.modifyException(context, attributes) : context.exception();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (on(attributes)) {
            delegate.onExecutionFailure(context, attributes);
        }
    }
}
