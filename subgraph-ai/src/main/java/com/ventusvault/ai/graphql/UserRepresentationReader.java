package com.ventusvault.ai.graphql;

import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code _entities} representation of a {@code User}: {@code id} and, per {@code @requires}, the
 * {@code wallets { id currency balance { amount currency } }} the gateway fetched from payments. Amounts are
 * Decimal strings, as payments serves them; anything else is a BAD_REQUEST naming the representation.
 */
final class UserRepresentationReader {

    private UserRepresentationReader() {
    }

    static User read(Map<String, Object> representation, int index) {
        String where = "User representation " + index;
        String id = text(representation.get("id"), where + " needs an id");
        Object wallets = representation.get("wallets");
        if (wallets == null) {
            return new User(id, null);
        }
        if (!(wallets instanceof List<?> list)) {
            throw invalid(where + ": wallets must be a list", index);
        }
        List<Wallet> read = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            read.add(wallet(list.get(i), where + ", wallet " + i, index));
        }
        return new User(id, List.copyOf(read));
    }

    private static Wallet wallet(Object value, String where, int index) {
        if (!(value instanceof Map<?, ?> wallet)) {
            throw invalid(where + " must be an object with id, currency and balance", index);
        }
        String id = text(wallet.get("id"), where + " needs an id");
        String currency = text(wallet.get("currency"), where + " needs a currency");
        if (!(wallet.get("balance") instanceof Map<?, ?> balance)) {
            throw invalid(where + " needs balance { amount currency }", index);
        }
        String balanceCurrency = text(balance.get("currency"), where + " needs balance.currency");
        if (!balanceCurrency.equals(currency)) {
            throw invalid(where + ": balance is in " + balanceCurrency + " but the wallet holds " + currency, index);
        }
        if (!(balance.get("amount") instanceof String amount) || !amount.strip().matches("[+-]?\\d{1,30}(\\.\\d{1,30})?")) {
            throw invalid(where + ": balance.amount must be a Decimal string such as \"12.50\", got "
                    + balance.get("amount"), index);
        }
        return new Wallet(id, currency, new Money(new BigDecimal(amount.strip()), balanceCurrency));
    }

    private static String text(Object value, String problem) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw ApiException.badInput(problem, "representations");
    }

    private static ApiException invalid(String message, int index) {
        return ApiException.badInput(message, "representations", String.valueOf(index));
    }
}
