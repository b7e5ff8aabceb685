package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.platform.database.DatabaseUrl;
import com.ventusvault.platform.database.EmbeddedPostgresServer;
import com.ventusvault.stack.GraphQlClient.Response;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * A payment through the gateway reaches accounts through payments' outbox: the ADMIN reads it in the audit log
 * (source payments, the payer as actor, the request it came from), and the payee is notified (MONEY_RECEIVED, by
 * email, naming the payer). Customers cannot read the audit log.
 */
@ExtendWith(RunningStack.class)
class AuditAndNotificationsEndToEndIntegrationTests {

    private static final String REGISTER = """
            mutation Register($input: RegisterInput!) {
              register(input: $input) { session { accessToken user { id } } userErrors { code message } }
            }""";
    private static final String OPEN_WALLET = """
            mutation OpenWallet($currency: String!) { openWallet(currency: $currency) { wallet { id } } }""";
    private static final String DEPOSIT = """
            mutation Deposit($input: DepositInput!) { deposit(input: $input) { transfer { id } userErrors { code } } }""";
    private static final String SEND_MONEY = """
            mutation SendMoney($input: SendMoneyInput!) {
              sendMoney(input: $input) { transfer { id status } userErrors { code message } }
            }""";
    private static final String AUDIT_LOG = """
            query AuditLog($filter: AuditLogFilter) {
              auditLog(filter: $filter) {
                nodes { action target requestId ip source details actor { id displayName } }
              }
            }""";

    @Test
    void aPaymentIsInTheAdminsAuditLogAndThePayeeIsNotified(Stack stack) {
        GraphQlClient gateway = new GraphQlClient(stack.gatewayUrl());
        String payeeEmail = "payee-" + UUID.randomUUID() + "@example.com";
        Session payer = register(gateway, "payer-" + UUID.randomUUID() + "@example.com", "Pat Payer");
        Session payee = register(gateway, payeeEmail, "Quinn Payee");
        String payerUsd = gateway.execute(OPEN_WALLET, Map.of("currency", "USD"), payer.token()).orThrow()
                .data("openWallet.wallet.id").asString();
        gateway.execute(DEPOSIT, Map.of("input", Map.of("walletId", payerUsd, "amount", "100.00",
                "idempotencyKey", UUID.randomUUID().toString())), payer.token()).orThrow();

        Response sent = gateway.execute(SEND_MONEY, Map.of("input", Map.of("fromWalletId", payerUsd,
                "toEmail", payeeEmail, "amount", "12.50", "idempotencyKey", UUID.randomUUID().toString())),
                payer.token()).orThrow();
        assertThat(sent.data("sendMoney.userErrors").isEmpty()).as(sent.body().toString()).isTrue();
        String transfer = sent.data("sendMoney.transfer.id").asString();

        String admin = new ClientOperations(stack).login(DemoData.ADMIN_EMAIL);
        JsonNode entry = eventually(() -> gateway.execute(AUDIT_LOG, Map.of("filter", Map.of("target",
                        "transfer:" + transfer)), admin).orThrow().data("auditLog.nodes"),
                nodes -> !nodes.isEmpty()).get(0);
        assertThat(entry.path("action").asString()).isEqualTo("payments.transfer.sent");
        assertThat(entry.path("source").asString()).isEqualTo("payments");
        assertThat(entry.path("actor").path("id").asString()).isEqualTo(payer.id());
        assertThat(entry.path("actor").path("displayName").asString()).isEqualTo("Pat Payer");
        assertThat(entry.path("requestId").asString()).isNotBlank();
        assertThat(entry.path("ip").asString()).isNotBlank();
        assertThat(entry.path("details").asString()).contains("\"toOwnerId\": \"" + payee.id() + "\"")
                .contains("\"currency\": \"USD\"");

        List<Map<String, Object>> notices = eventually(() -> notificationsOf(payee.id()), rows -> !rows.isEmpty());
        assertThat(notices).extracting(row -> row.get("kind")).containsOnly("MONEY_RECEIVED");
        assertThat(notices).extracting(row -> row.get("recipient")).contains(payeeEmail);
        assertThat(String.valueOf(notices.get(0).get("body"))).contains("12.50 USD from Pat Payer");

        Response refused = gateway.execute(AUDIT_LOG, Map.of(), payer.token());
        assertThat(refused.errors().get(0).path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.data("auditLog").isNull() || refused.data("auditLog").isMissingNode()).isTrue();
    }

    private record Session(String id, String token) {
    }

    private static Session register(GraphQlClient gateway, String email, String name) {
        Response registered = gateway.execute(REGISTER, Map.of("input", Map.of("email", email,
                "password", "a long enough password", "displayName", name)), null).orThrow();
        return new Session(registered.data("register.session.user.id").asString(),
                registered.data("register.session.accessToken").asString());
    }

    /**
     * What accounts queued for the user apart from the verification email of their registration (its notification
     * table, the local sink), read straight from PostgreSQL.
     */
    private static List<Map<String, Object>> notificationsOf(String user) {
        String env = System.getenv("DATABASE_URL");
        DatabaseUrl server = env == null ? EmbeddedPostgresServer.start() : DatabaseUrl.parse(env);
        DatabaseClient accounts = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse(server.r2dbcUrl("accounts")).mutate()
                .option(ConnectionFactoryOptions.USER, server.username())
                .option(ConnectionFactoryOptions.PASSWORD, server.password()).build()));
        return accounts.sql("select kind, channel, recipient, body from notification where user_id = :user "
                        + "and kind <> 'EMAIL_VERIFICATION' order by created_at").bind("user", UUID.fromString(user))
                .fetch().all().collectList().block(Duration.ofSeconds(10));
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not there after 20 s: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }
}
