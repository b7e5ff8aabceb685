package com.ventusvault.stack;

import com.ventusvault.stack.GraphQlClient.Response;
import com.ventusvault.stack.TransferAttempt.Acknowledged;
import com.ventusvault.stack.TransferAttempt.Outcome;
import com.ventusvault.stack.TransferAttempt.Refused;
import com.ventusvault.stack.TransferAttempt.Unknown;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL calls of the bank-invariant test, through the gateway over real HTTP: users with funded wallets,
 * {@code sendMoney}, {@code transfer(id)}, the signed-in user's wallets and the staff-only {@code verifyLedger}.
 */
final class BankOperations {

    static final List<String> CURRENCIES = List.of("USD", "NGN");

    private static final String REGISTER = """
            mutation($input: RegisterInput!) { register(input: $input) { session { accessToken } userErrors { code } } }""";
    private static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }""";
    private static final String OPEN_WALLET = """
            mutation($currency: String!) { openWallet(currency: $currency) { wallet { id } userErrors { code } } }""";
    private static final String DEPOSIT = """
            mutation($input: DepositInput!) { deposit(input: $input) { transfer { id status } userErrors { code message } } }""";
    private static final String SEND = """
            mutation($input: SendMoneyInput!) {
              sendMoney(input: $input) {
                transfer { id status amount { amount currency } fee { amount currency } }
                userErrors { code message }
              }
            }""";
    private static final String TRANSFER = """
            query($id: ID!) {
              transfer(id: $id) { id kind status amount { amount currency } fee { amount } from { id } to { id } }
            }""";
    private static final String WALLETS = """
            query { me { wallets { id currency balance { amount } available { amount } held { amount } } } }""";
    private static final String VERIFY = """
            query {
              verifyLedger {
                clean accounts journalEntries differences { accountId kind currency cached journal } unbalancedTransfers
                totals { currency wallets held feeRevenue escrowHolding providerClearing fxLiquidity demoBank sum negativeWallets }
              }
            }""";

    private final GraphQlClient gateway;

    BankOperations(String gatewayUrl) {
        this.gateway = new GraphQlClient(gatewayUrl);
    }

    /** A test user: their token and one wallet per currency. */
    record BankUser(String email, String token, Map<String, String> wallets) {
    }

    /** One wallet as its owner sees it. */
    record WalletView(String id, String currency, BigDecimal balance, BigDecimal available, BigDecimal held) {
    }

    /** One currency's line of {@code verifyLedger.totals}. */
    record Totals(String currency, BigDecimal wallets, BigDecimal held, BigDecimal feeRevenue, BigDecimal escrowHolding,
                  BigDecimal providerClearing, BigDecimal fxLiquidity, BigDecimal demoBank, BigDecimal sum,
                  int negativeWallets) {
    }

    /** {@code verifyLedger} as read in one snapshot. */
    record Verification(boolean clean, JsonNode differences, JsonNode unbalancedTransfers, Map<String, Totals> totals,
                        String raw) {
    }

    String login(String email, String password) {
        return gateway.execute(LOGIN, Map.of("input", Map.of("email", email, "password", password)), null).orThrow()
                .data("login.session.accessToken").asString();
    }

    /** Registers a user, opens a wallet per currency and funds each from the demo bank. */
    BankUser fundedUser(String email, Map<String, String> funding) {
        String token = gateway.execute(REGISTER, Map.of("input", Map.of("email", email, "password", DemoData.PASSWORD,
                "displayName", "Bank " + email.substring(0, email.indexOf('@')))), null).orThrow()
                .data("register.session.accessToken").asString();
        Map<String, String> wallets = new LinkedHashMap<>();
        for (String currency : CURRENCIES) {
            String wallet = gateway.execute(OPEN_WALLET, Map.of("currency", currency), token).orThrow()
                    .data("openWallet.wallet.id").asString();
            Response deposit = gateway.execute(DEPOSIT, Map.of("input", Map.of("walletId", wallet,
                    "amount", funding.get(currency), "idempotencyKey", "bank-fund-" + email + "-" + currency)), token)
                    .orThrow();
            if (!deposit.data("deposit.userErrors").isEmpty()) {
                throw new IllegalStateException("funding " + email + " failed: " + deposit.body());
            }
            wallets.put(currency, wallet);
        }
        return new BankUser(email, token, wallets);
    }

    Outcome send(TransferAttempt attempt, String token) {
        Response response;
        try {
            response = gateway.execute(SEND, Map.of("input", attempt.input()), token);
        } catch (IllegalStateException e) {
            return new Unknown(e.getMessage(), e.getCause() instanceof HttpTimeoutException);
        }
        if (response.status() != 200 || !response.errors().isMissingNode() && !response.errors().isEmpty()) {
            boolean timeout = response.errors().findValuesAsString("code").contains("SUBGRAPH_TIMEOUT");
            return new Unknown("HTTP " + response.status() + ": " + response.body(), timeout);
        }
        JsonNode userErrors = response.data("sendMoney.userErrors");
        if (!userErrors.isEmpty()) {
            return new Refused(userErrors.get(0).path("code").asString());
        }
        JsonNode transfer = response.data("sendMoney.transfer");
        return new Acknowledged(transfer.path("id").asString(), transfer.path("status").asString(),
                new BigDecimal(transfer.path("amount").path("amount").asString()),
                new BigDecimal(transfer.path("fee").path("amount").asString()));
    }

    JsonNode transfer(String id, String token) {
        return gateway.execute(TRANSFER, Map.of("id", id), token).orThrow().data("transfer");
    }

    List<WalletView> wallets(String token) {
        List<WalletView> wallets = new ArrayList<>();
        for (JsonNode wallet : gateway.execute(WALLETS, Map.of(), token).orThrow().data("me.wallets")) {
            wallets.add(new WalletView(wallet.path("id").asString(), wallet.path("currency").asString(),
                    decimal(wallet.path("balance").path("amount")), decimal(wallet.path("available").path("amount")),
                    decimal(wallet.path("held").path("amount"))));
        }
        return wallets;
    }

    Verification verifyLedger(String adminToken) {
        Response response = gateway.execute(VERIFY, Map.of(), adminToken).orThrow();
        JsonNode verification = response.data("verifyLedger");
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (JsonNode line : verification.path("totals")) {
            totals.put(line.path("currency").asString(), new Totals(line.path("currency").asString(),
                    decimal(line.path("wallets")), decimal(line.path("held")), decimal(line.path("feeRevenue")),
                    decimal(line.path("escrowHolding")), decimal(line.path("providerClearing")),
                    decimal(line.path("fxLiquidity")), decimal(line.path("demoBank")), decimal(line.path("sum")),
                    line.path("negativeWallets").asInt()));
        }
        return new Verification(verification.path("clean").asBoolean(), verification.path("differences"),
                verification.path("unbalancedTransfers"), totals, verification.toString());
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
