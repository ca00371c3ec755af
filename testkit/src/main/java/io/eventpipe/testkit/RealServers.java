package io.eventpipe.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the real servers ({@link TestServers}): one set per test run,
 * shared by every test class of the module, each server started when first asked for.
 * Use with {@code @ExtendWith(RealServers.class)} and a {@code TestServers} parameter.
 */
public final class RealServers implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServers.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        servers(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return servers(context);
    }

    /** The run's servers, created once in the root store, which closes them when the run ends. */
    public static TestServers servers(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestServers.class, key -> TestServers.inBuildDirectory(), TestServers.class);
    }
}
