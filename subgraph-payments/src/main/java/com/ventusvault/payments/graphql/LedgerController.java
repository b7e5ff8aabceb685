package com.ventusvault.payments.graphql;

import com.ventusvault.payments.persistence.LedgerVerification;
import com.ventusvault.payments.persistence.LedgerVerifier;
import com.ventusvault.payments.transfers.FeeQuotes;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Ledger-wide queries: {@code feeQuote} (anyone, signed in or not: prices are public) and {@code verifyLedger}
 * (staff only: the token must carry role SUPPORT or ADMIN, else FORBIDDEN).
 */
@Controller
public class LedgerController {

    /** Roles that may see ledger-wide numbers. */
    static boolean isStaff(Viewer viewer) {
        return viewer.hasRole("SUPPORT") || viewer.hasRole("ADMIN");
    }

    private final FeeQuotes quotes;
    private final LedgerVerifier verifier;

    public LedgerController(FeeQuotes quotes, LedgerVerifier verifier) {
        this.quotes = quotes;
        this.verifier = verifier;
    }

    @QueryMapping
    public Mono<FeeQuoteView> feeQuote(@Argument("input") FeeQuoteInput input) {
        return quotes.quote(input.kind(), input.currency(), input.amount(), Optional.ofNullable(input.provider()))
                .map(FeeQuoteView::of);
    }

    @QueryMapping
    public Mono<LedgerVerification> verifyLedger(Viewer viewer) {
        if (!isStaff(viewer)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "verifyLedger is for staff (role SUPPORT or ADMIN)");
        }
        return verifier.verify();
    }
}
