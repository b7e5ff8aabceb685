package com.ventusvault.simulator.faults;

import org.springframework.http.HttpMethod;

/** The provider operations a fault can target, recognised from method and path below the provider prefix. */
public enum Operation {
    BANKS, RESOLVE, RECIPIENT, TRANSFER, TRANSFER_STATUS, CHARGE, CHARGE_STATUS;

    /**
     * @param path the path after {@code /paystack} or {@code /flutterwave}
     * @return the operation, or null for anything else (checkout pages, unknown paths)
     */
    static Operation of(HttpMethod method, String path) {
        boolean get = HttpMethod.GET.equals(method);
        boolean post = HttpMethod.POST.equals(method);
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
