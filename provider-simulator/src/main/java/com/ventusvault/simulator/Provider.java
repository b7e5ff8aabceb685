package com.ventusvault.simulator;

/** The providers the simulator plays; each lives under its own path prefix. */
public enum Provider {
    PAYSTACK("/paystack"), FLUTTERWAVE("/flutterwave");

    private final String prefix;

    Provider(String prefix) {
        this.prefix = prefix;
    }

    /** The path prefix its API is served under. */
    public String prefix() {
        return prefix;
    }
}
