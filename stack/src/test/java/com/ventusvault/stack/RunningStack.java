package com.ventusvault.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running stack with demo data for every end-to-end test class in the run (starting one takes seconds, so
 * the classes share it); JUnit closes it after the last test.
 */
final class RunningStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> {
            Stack stack = Stack.start(StackPorts.random());
            new DemoData(stack.gatewayUrl()).seed();
            return stack;
        }, Stack.class);
    }
}
