package com.ventusvault.simulator.faults;

import org.springframework.http.HttpMethod;

/**
 * The provider operations a fault can target, recognised from method and path below the provider prefix: payment
 * operations (Paystack, Flutterwave), {@code SMS} (Twilio's create-message call) and {@code EMAIL} (SendGrid's mail send).
 */
public enum Operation {
    BANKS, RESOLVE, RECIPIENT, TRANSFER, TRANSFER_STATUS, CHARGE, CHARGE_STATUS, SMS, EMAIL;

    /**
     * @param path the path after {@code /paystack} or {@code /flutterwave}
     * @return the operation, or null for anything else (checkout pages, unknown paths)
     */
    static Operation of(HttpMethod method, String path) {
        boolean get = HttpMethod.GET.equals(method);
        boolean post = HttpMethod.POST.equals(method);
        if (post && path.matches("/2010-04-01/Accounts/[^/]+/Messages\\.json")) {
            return SMS;
        }
        if (post && path.equals("/v3/mail/send")) {
            return EMAIL;
        }
        if (get && (path.equals("/bank") || path.startsWith("/v3/banks/"))) {
            return BANKS;
        }
        if ((get && path.equals("/bank/resolve")) || (post && path.equals("/v3/accounts/resolve"))) {
            return RESOLVE;
        }
        if (post && path.equals("/transferrecipient")) {
            return RECIPIENT;
        }
        if (post && (path.equals("/transfer") || path.equals("/v3/transfers"))) {
            return TRANSFER;
        }
        if (get && (path.startsWith("/transfer/") || path.equals("/v3/transfers") || path.startsWith("/v3/transfers/"))) {
            return TRANSFER_STATUS;
        }
        if (post && (path.equals("/transaction/initialize") || path.equals("/v3/payments"))) {
            return CHARGE;
        }
        if (get && (path.startsWith("/transaction/verify/") || path.startsWith("/v3/transactions/"))) {
            return CHARGE_STATUS;
        }
        return null;
    }
}
