package com.ventusvault.payments.audit;

import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Transfer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to audit when a posting goes through: the action, and the target when it is not the transfer itself (an
 * escrow). The details are the transfer's: kind, amount, fee, currency, wallets and their owners.
 *
 * @param target null: {@code transfer:<id>} of the posted transfer
 */
public record PostingAudit(String action, String target) {

    public PostingAudit {
        Objects.requireNonNull(action, "action");
    }

    public static PostingAudit of(String action) {
        return new PostingAudit(action, null);
    }

    /** The target for this transfer. */
    public String targetOf(Transfer transfer) {
        return target != null ? target : transferTarget(transfer);
    }

    /** {@code transfer:<id>}. */
    public static String transferTarget(Transfer transfer) {
        return "transfer:" + transfer.id();
    }

    /** The audit details of a transfer whose wallets are {@code from} and {@code to} (either may be null). */
    public static Map<String, Object> details(Transfer transfer, LedgerAccount from, LedgerAccount to) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", transfer.id().toString());
        details.put("kind", transfer.kind().name());
        details.put("amount", transfer.amount().amount().toPlainString());
        details.put("fee", transfer.fee().amount().toPlainString());
        details.put("currency", transfer.amount().currency().name());
        details.put("fromWalletId", transfer.from() == null ? null : transfer.from().toString());
        details.put("toWalletId", transfer.to() == null ? null : transfer.to().toString());
        details.put("fromOwnerId", from == null || from.owner() == null ? null : from.owner().toString());
        details.put("toOwnerId", to == null || to.owner() == null ? null : to.owner().toString());
        return details;
    }
}
