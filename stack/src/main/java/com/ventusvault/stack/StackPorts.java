package com.ventusvault.stack;

/**
 * Where each part of the stack listens. The defaults are the documented local ports; tests pass 0 everywhere so
 * each server takes a free port and nothing clashes with a stack a developer is running.
 */
public record StackPorts(int gateway, int accounts, int payments, int markets, int ai, int providerSimulator) {

    /** gateway 4000, accounts 4001, payments 4002, markets 4003, ai 4004, provider simulator 4010. */
    public static StackPorts defaults() {
        return new StackPorts(4000, 4001, 4002, 4003, 4004, 4010);
    }

    /** Every server on a free port chosen by the operating system. */
    public static StackPorts random() {
        return new StackPorts(0, 0, 0, 0, 0, 0);
    }
}
