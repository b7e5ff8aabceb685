package com.ventusvault.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running stack with demo data for every end-to-end test class in the run (starting one takes seconds, so
 * the classes share it); JUnit closes it after the last test.
 */
final class RunningStack implements ParameterResolver {

    static final String[] GENEROUS_RATE_LIMITS = {
            "--gateway.limits.rate.per-ip.capacity=1000000", "--gateway.limits.rate.per-ip.period=1s",
            "--gateway.limits.rate.per-user.capacity=1000000", "--gateway.limits.rate.per-user.period=1s",
            // Many test classes sign the demo users in from this one address within a minute; the login throttle
            // itself (5 a minute per account and address) is tested in subgraph-accounts.
            "--ventus.accounts.login.attempts-per-minute=1000"};

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> {
            // The tests send hundreds of requests a second from one address (the bank-invariant test's clients):
            // the gateway's rate limits (default 600 a minute per IP, 300 per user) and the login throttle are raised.
            Stack stack = Stack.start(StackPorts.random(), GENEROUS_RATE_LIMITS);
            new DemoData(stack.gatewayUrl()).seed();
            return stack;
        }, Stack.class);
    }
}
