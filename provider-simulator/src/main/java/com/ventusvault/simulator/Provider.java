package com.ventusvault.simulator;

/**
 * The providers the simulator plays; each lives under its own path prefix. Paystack and Flutterwave move money;
 * Twilio (Messages API) and Twilio SendGrid (v3 mail send) deliver SMS and email.
 */
public enum Provider {
    PAYSTACK("/paystack"), FLUTTERWAVE("/flutterwave"), TWILIO("/twilio"), SENDGRID("/sendgrid");

    private final String prefix;

    Provider(String prefix) {
        this.prefix = prefix;
    }

    /** The path prefix its API is served under. */
    public String prefix() {
        return prefix;
    }
}
