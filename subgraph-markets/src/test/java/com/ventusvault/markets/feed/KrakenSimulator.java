package com.ventusvault.markets.feed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Kraken's public ticker endpoint ({@code GET /0/public/Ticker?pair=...}) as Kraken answers it, on a local port, for
 * testing the XChange source without the network: fixed best bid and ask per base asset, and a switch that makes every
 * call fail with 503 as an exchange in trouble does.
 */
final class KrakenSimulator implements AutoCloseable {

    /** Base asset (as Kraken or XChange may spell it) to best bid and ask in USD. */
    private static final Map<String, String[]> BOOK = Map.of(
            "XBT", new String[] {"96990.0", "97010.0"}, "BTC", new String[] {"96990.0", "97010.0"},
            "ETH", new String[] {"3399.0", "3401.0"}, "SOL", new String[] {"179.9", "180.1"},
            "USDT", new String[] {"1.0001", "1.0003"}, "USDC", new String[] {"0.9998", "1.0000"},
            "EUR", new String[] {"1.0799", "1.0801"}, "GBP", new String[] {"1.2699", "1.2701"});

    /** Kraken's asset and pair names (XChange maps currency pairs to them from these two lists). */
    private static final String ASSETS = "{\"error\":[],\"result\":{" + String.join(",",
            asset("XXBT", "XBT"), asset("XETH", "ETH"), asset("SOL", "SOL"), asset("USDT", "USDT"), asset("USDC", "USDC"),
            asset("ZUSD", "USD"), asset("ZEUR", "EUR"), asset("ZGBP", "GBP")) + "}}";
    private static final String ASSET_PAIRS = "{\"error\":[],\"result\":{" + String.join(",",
            pair("XXBTZUSD", "XBTUSD", "XXBT"), pair("XETHZUSD", "ETHUSD", "XETH"), pair("SOLUSD", "SOLUSD", "SOL"),
            pair("USDTZUSD", "USDTUSD", "USDT"), pair("USDCUSD", "USDCUSD", "USDC"), pair("ZEURZUSD", "EURUSD", "ZEUR"),
            pair("ZGBPZUSD", "GBPUSD", "ZGBP")) + "}}";

    private final AtomicBoolean failing = new AtomicBoolean();
    private final List<String> requestedPairs = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    KrakenSimulator() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                        .get("/0/public/Ticker", this::ticker)
                        .get("/0/public/Assets", (request, response) -> json(response, ASSETS))
                        .get("/0/public/AssetPairs", (request, response) -> json(response, ASSET_PAIRS)))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    void failing(boolean fail) {
        failing.set(fail);
    }

    List<String> requestedPairs() {
        return requestedPairs;
    }

    private Mono<Void> ticker(HttpServerRequest request, HttpServerResponse response) {
        String query = request.uri().contains("?") ? request.uri().substring(request.uri().indexOf('?') + 1) : "";
        String pair = query.replaceFirst(".*pair=([^&]*).*", "$1");
        requestedPairs.add(pair);
        if (failing.get()) {
            return response.status(503).sendString(Mono.just("{\"error\":[\"EService:Unavailable\"]}")).then();
        }
        String base = pair.replaceFirst("^[XZ](?=(XBT|ETH|EUR|GBP))", "");
        String[] book = BOOK.entrySet().stream().filter(entry -> base.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (book == null) {
            return response.header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"error\":[\"EQuery:Unknown asset pair\"]}")).then();
        }
        String ticker = "{\"a\":[\"" + book[1] + "\",\"1\",\"1.000\"],\"b\":[\"" + book[0] + "\",\"1\",\"1.000\"],"
                + "\"c\":[\"" + book[0] + "\",\"0.1\"],\"v\":[\"10\",\"100\"],\"p\":[\"" + book[0] + "\",\"" + book[0]
                + "\"],\"t\":[5,50],\"l\":[\"" + book[0] + "\",\"" + book[0] + "\"],\"h\":[\"" + book[1] + "\",\""
                + book[1] + "\"],\"o\":\"" + book[0] + "\"}";
        return response.header("Content-Type", "application/json")
                .sendString(Mono.just("{\"error\":[],\"result\":{\"" + pair + "\":" + ticker + "}}")).then();
    }

    private static String asset(String name, String altname) {
        return "\"" + name + "\":{\"aclass\":\"currency\",\"altname\":\"" + altname
                + "\",\"decimals\":8,\"display_decimals\":5,\"status\":\"enabled\"}";
    }

    private static String pair(String name, String altname, String base) {
        return "\"" + name + "\":{\"altname\":\"" + altname + "\",\"wsname\":\"" + altname + "\",\"aclass_base\":\"currency\","
                + "\"base\":\"" + base + "\",\"aclass_quote\":\"currency\",\"quote\":\"ZUSD\",\"lot\":\"unit\","
                + "\"cost_decimals\":5,\"pair_decimals\":5,\"lot_decimals\":8,\"lot_multiplier\":1,\"leverage_buy\":[],"
                + "\"leverage_sell\":[],\"fees\":[[0,0.26]],\"fees_maker\":[[0,0.16]],\"fee_volume_currency\":\"ZUSD\","
                + "\"margin_call\":80,\"margin_stop\":40,\"ordermin\":\"0.0001\",\"costmin\":\"0.5\",\"status\":\"online\"}";
    }

    private Mono<Void> json(HttpServerResponse response, String body) {
        if (failing.get()) {
            return response.status(503).sendString(Mono.just("{\"error\":[\"EService:Unavailable\"]}")).then();
        }
        return response.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
