package com.huiqi.local.gateway;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as far as the local gateway needs it.
 *
 * @param name          the logical id, e.g. {@code TenantsFunction}
 * @param handlerClass  the class before {@code ::} in {@code Handler}
 * @param handlerMethod the method after {@code ::}, {@code handleRequest} when absent
 * @param codeUri       the function's module folder relative to the repository root, e.g. {@code functions/tenants}
 * @param timeoutSeconds {@code Timeout}, SAM's default 3 when absent
 * @param memoryMb      {@code MemorySize}, SAM's default 128 when absent
 */
public record FunctionSpec(String name, String handlerClass, String handlerMethod, String codeUri,
                           int timeoutSeconds, int memoryMb) {

    static FunctionSpec of(String name, String handler, String codeUri, int timeoutSeconds, int memoryMb) {
        int separator = handler.indexOf("::");
        String type = separator < 0 ? handler : handler.substring(0, separator);
        String method = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        return new FunctionSpec(name, type, method, codeUri, timeoutSeconds, memoryMb);
    }
}
