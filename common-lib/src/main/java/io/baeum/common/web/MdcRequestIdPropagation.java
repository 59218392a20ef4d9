package io.baeum.common.web;

import org.slf4j.MDC;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Copies the request id from the Reactor context into the logging MDC on whatever thread runs a
 * pipeline step, so JSON log lines carry {@code requestId}. Relies on automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}, a Baeum service default).
 */
final class MdcRequestIdPropagation implements ThreadLocalAccessor<String> {

    static void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcRequestIdPropagation());
    }

    @Override
    public Object key() {
        return RequestIds.CONTEXT_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestIds.CONTEXT_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIds.CONTEXT_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIds.CONTEXT_KEY);
    }
}
