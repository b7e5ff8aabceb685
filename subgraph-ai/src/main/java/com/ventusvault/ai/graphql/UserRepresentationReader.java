package com.ventusvault.ai.graphql;

import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code _entities} representation of a {@code User}: {@code id} and, per {@code @requires}, the
 * {@code wallets { id currency balance { amount currency } }} the gateway fetched from payments. The representation
 * comes from the client's side of the gateway, so it is checked as input: at most {@value #MAX_WALLETS} wallets,
 * each id a UUID (payments' wallet ids) and given once, each currency a code of 3 to 5 capital letters, amounts
 * Decimal strings as payments serves them. Anything else is a BAD_REQUEST naming the representation.
 */
final class UserRepresentationReader {

    /** The most wallets a representation may carry (payments has one wallet per currency, fewer than this). */
    static final int MAX_WALLETS = 20;

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3,5}");

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
        if (list.size() > MAX_WALLETS) {
            throw invalid(where + " carries " + list.size() + " wallets; at most " + MAX_WALLETS + " are accepted", index);
        }
        List<Wallet> read = new ArrayList<>(list.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Wallet wallet = wallet(list.get(i), where + ", wallet " + i, index);
            if (!seen.add(wallet.id().toLowerCase(Locale.ROOT))) {
                throw invalid(where + ", wallet " + i + " repeats wallet id " + wallet.id(), index);
            }
            read.add(wallet);
        }
        return new User(id, List.copyOf(read));
    }

    private static Wallet wallet(Object value, String where, int index) {
        if (!(value instanceof Map<?, ?> wallet)) {
            throw invalid(where + " must be an object with id, currency and balance", index);
        }
        String id = text(wallet.get("id"), where + " needs an id");
        if (!UUID_TEXT.matcher(id).matches()) {
            throw invalid(where + ": id must be a wallet UUID, got " + abbreviated(id), index);
        }
        String currency = text(wallet.get("currency"), where + " needs a currency");
        if (!CURRENCY_CODE.matcher(currency).matches()) {
            throw invalid(where + ": currency must be a code of 3 to 5 capital letters such as USD, got "
                    + abbreviated(currency), index);
        }
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

    /** Echoes at most 40 characters of a bad value, so a huge one does not end up whole in the error. */
    private static String abbreviated(String value) {
        return value.length() <= 40 ? "\"" + value + "\"" : "\"" + value.substring(0, 40) + "...\"";
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
