package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.stubs.StubSubgraph;
import com.ventusvault.gateway.stubs.VentusStubs;
import com.ventusvault.gateway.planning.GoldenSupergraphs;
import com.ventusvault.gateway.planning.OperationNormalizer;
import com.ventusvault.gateway.planning.QueryPlanner;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphLoader;
import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor against real stub subgraphs over HTTP: responses and the exact requests the subgraphs received. */
class PlanExecutorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static VentusStubs stubs;
    private static Supergraph supergraph;
    private static SubgraphClient client;
    private static PlanExecutor executor;
    private static SubgraphClient downClient;
    private static PlanExecutor paymentsDownExecutor;

    @BeforeAll
    static void start() throws IOException {
        stubs = new VentusStubs();
        supergraph = GoldenSupergraphs.ours();
        Map<String, SubgraphEndpoint> endpoints = new HashMap<>();
        stubs.urls().forEach((name, url) -> endpoints.put(name, new SubgraphEndpoint(name, URI.create(url),
                name.equals("payments") ? Duration.ofSeconds(1) : Duration.ofSeconds(5))));
        client = new SubgraphClient(endpoints, 50, JSON);
        executor = new PlanExecutor(supergraph, client, JSON);
        Map<String, SubgraphEndpoint> paymentsDown = new HashMap<>(endpoints);
        paymentsDown.put("payments", new SubgraphEndpoint("payments", URI.create("http://127.0.0.1:9/graphql"),
                Duration.ofSeconds(2)));
        downClient = new SubgraphClient(paymentsDown, 50, JSON);
        paymentsDownExecutor = new PlanExecutor(supergraph, downClient, JSON);
    }

    @AfterAll
    static void stop() {
        client.close();
        downClient.close();
        stubs.close();
    }

    @BeforeEach
    void clearLog() {
        stubs.log.clear();
        stubs.payments.delay(Duration.ZERO);
    }

    @Test
    void mergesEntityFieldsInClientOrderWithAliases() {
        String response = run("{ me { wallets { currency amount: balance { value: amount } } name: displayName } }",
                null, stubs.bearer("ada"));
        assertThat(response).isEqualTo("""
                {"data":{"me":{"wallets":[{"currency":"USD","amount":{"value":"10.00"}},\
                {"currency":"BTC","amount":{"value":"0.00000000"}}],"name":"Ada"}}}""");
        assertThat(stubs.requestsTo("accounts")).hasSize(1);
        assertThat(stubs.requestsTo("payments")).singleElement().satisfies(r -> assertThat(r.variables())
                .isEqualTo(Map.of("representations", List.of(Map.of("__typename", "User", "id", "u1")))));
    }

    @Test
    void batchesAndDeduplicatesRepresentationsIntoOneEntitiesRequest() {
        String response = run("{ me { wallets { id owner { displayName } } } }", null, stubs.bearer("ada"));
        assertThat(response).isEqualTo("""
                {"data":{"me":{"wallets":[{"id":"w1","owner":{"displayName":"Ada"}},\
                {"id":"w2","owner":{"displayName":"Ada"}}]}}}""");
        List<StubSubgraph.Received> accounts = stubs.requestsTo("accounts");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(1).variables().get("representations"))
                .isEqualTo(List.of(Map.of("__typename", "User", "id", "u1")));
    }

    @Test
    void sendsRequiredFieldsInTheRepresentation() {
        String response = run("{ me { insights { fundedWallets summary } } }", null, stubs.bearer("ada"));
        assertThat(response).isEqualTo("""
                {"data":{"me":{"insights":{"fundedWallets":1,"summary":"2 wallets, 1 funded"}}}}""");
        assertThat(stubs.requestsTo("ai")).singleElement().satisfies(r -> assertThat(r.variables().toString())
                .isEqualTo("{representations=[{__typename=User, id=u1, wallets=[{id=w1, currency=USD, balance="
                        + "{amount=10.00, currency=USD}}, {id=w2, currency=BTC, balance={amount=0.00000000, "
                        + "currency=BTC}}]}]}"));
    }

    @Test
    void sendsOnlyTheVariablesEachFetchUses() {
        String response = run("query($pair: String!, $currency: String!) { rate(pair: $pair) { price } "
                + "me { wallet(currency: $currency) { id } } }", "{\"pair\":\"BTC/USDT\",\"currency\":\"BTC\"}",
                stubs.bearer("ada"));
        assertThat(response).isEqualTo("{\"data\":{\"rate\":{\"price\":\"1.5\"},\"me\":{\"wallet\":{\"id\":\"w2\"}}}}");
        assertThat(stubs.requestsTo("markets")).singleElement()
                .satisfies(r -> assertThat(r.variables()).isEqualTo(Map.of("pair", "BTC/USDT")));
        assertThat(stubs.requestsTo("accounts")).singleElement()
                .satisfies(r -> assertThat(r.variables()).isEmpty());
        assertThat(stubs.requestsTo("payments")).singleElement()
                .satisfies(r -> assertThat(r.variables()).containsEntry("currency", "BTC"));
    }

    @Test
    void forwardsAuthorizationToEverySubgraph() {
        run("{ me { insights { summary } } rates { pair } }", null, stubs.bearer("ada"));
        assertThat(stubs.log).hasSize(4).allSatisfy(r -> assertThat(r.authorization()).isEqualTo(stubs.bearer("ada")));
    }

    @Test
    void runsMutationsStrictlyInOrder() {
        String response = run("mutation { a: login(input: {email: \"a@vv.io\", password: \"0123456789\"}) "
                + "{ session { user { displayName } } } openWallet(currency: \"EUR\") { wallet { currency } } "
                + "register(input: {email: \"a@vv.io\", password: \"0123456789\", displayName: \"A\"}) "
                + "{ userErrors { code } } }", null, null);
        assertThat(response).isEqualTo("{\"data\":{\"a\":{\"session\":{\"user\":{\"displayName\":\"Ada\"}}},"
                + "\"openWallet\":{\"wallet\":{\"currency\":\"EUR\"}},"
                + "\"register\":{\"userErrors\":[{\"code\":\"EMAIL_TAKEN\"}]}}}");
        assertThat(stubs.log).extracting(StubSubgraph.Received::subgraph)
                .containsExactly("accounts", "payments", "accounts");
    }

    @Test
    void repathsSubgraphErrorsToTheClientPath() {
        String response = run("{ me { displayName insights { summary } } }", null, stubs.bearer("bob"));
        ObjectNode body = (ObjectNode) JSON.readTree(response);
        assertThat(body.get("data").toString()).isEqualTo("{\"me\":{\"displayName\":\"Bob\",\"insights\":null}}");
        assertThat(body.get("errors").get(0).get("path").toString()).isEqualTo("[\"me\",\"insights\"]");
        assertThat(body.get("errors").get(0).get("extensions").get("serviceName").asString()).isEqualTo("ai");
    }

    @Test
    void subgraphDownGivesPartialDataAndPropagatesNullToNullableParent() {
        String response = run(paymentsDownExecutor, "{ me { displayName wallets { id } } rates { pair } }", null,
                stubs.bearer("ada"));
        ObjectNode body = (ObjectNode) JSON.readTree(response);
        assertThat(body.get("data").toString())
                .isEqualTo("{\"me\":null,\"rates\":[{\"pair\":\"BTC/USDT\"},{\"pair\":\"USD/NGN\"}]}");
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo(ErrorCode.SUBGRAPH_UNAVAILABLE.name());
        assertThat(body.get("errors").get(0).get("path").toString()).isEqualTo("[\"me\"]");
    }

    @Test
    void slowSubgraphGivesTimeoutError() {
        stubs.payments.delay(Duration.ofSeconds(2));
        String response = run("{ transfer(id: \"t1\") { id } }", null, null);
        ObjectNode body = (ObjectNode) JSON.readTree(response);
        assertThat(body.get("data").toString()).isEqualTo("{\"transfer\":null}");
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo(ErrorCode.SUBGRAPH_TIMEOUT.name());
    }

    @Test
    void appliesSkipAndIncludeAndAnswersTypename() {
        String response = run("query($w: Boolean!) { __typename me { __typename kind: __typename "
                + "wallets @include(if: $w) { id } displayName @skip(if: $w) } }", "{\"w\":false}", stubs.bearer("ada"));
        assertThat(response).isEqualTo("{\"data\":{\"__typename\":\"Query\",\"me\":{\"__typename\":\"User\","
                + "\"kind\":\"User\",\"displayName\":\"Ada\"}}}");
        assertThat(stubs.requestsTo("payments")).isEmpty();
    }

    private static String run(String query, String variables, String authorization) {
        return run(executor, query, variables, authorization);
    }

    @SuppressWarnings("unchecked")
    private static String run(PlanExecutor executor, String query, String variables, String authorization) {
        Document document = Parser.parse(query);
        assertThat(ParseAndValidate.validate(supergraph.apiSchema(), document)).isEmpty();
        var plan = new QueryPlanner(supergraph).plan(document, null);
        ObjectNode raw = variables == null ? null : (ObjectNode) JSON.readTree(variables);
        Map<String, Object> rawMap = raw == null ? Map.of() : JSON.convertValue(raw, Map.class);
        var definitions = OperationNormalizer.selectOperation(document, null).getVariableDefinitions();
        Map<String, Object> coerced = ValuesResolver.coerceVariableValues(supergraph.apiSchema(), definitions,
                RawVariables.of(rawMap), GraphQLContext.getDefault(), Locale.ROOT).toMap();
        return executor.execute(new ExecutionRequest(plan, raw, coerced, authorization, null))
                .block(Duration.ofSeconds(10)).toString();
    }
}
