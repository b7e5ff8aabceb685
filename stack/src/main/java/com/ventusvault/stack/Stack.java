package com.ventusvault.stack;

import com.ventusvault.accounts.AccountsApplication;
import com.ventusvault.ai.AiApplication;
import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.markets.MarketsApplication;
import com.ventusvault.payments.PaymentsApplication;
import com.ventusvault.platform.database.EmbeddedPostgresServer;
import com.ventusvault.simulator.ProviderSimulatorApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The whole platform in one JVM: embedded PostgreSQL (unless {@code DATABASE_URL} is set), the provider simulator
 * (Paystack and Flutterwave stand-in, whose webhooks go to payments), the four subgraphs, the gateway, and the demo
 * data, each app in its own Spring context on its own port. It is a demo and development
 * setup: it turns on demo funding, a signing key generated at start and a demo admin ({@code admin@example.com}, unless
 * {@code VENTUS_ADMIN_EMAIL} names another), which production deployments must not. One process means one Ctrl-C stops
 * everything: the gateway closes first, then the subgraphs, then PostgreSQL.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    /**
     * Subgraphs answer only this machine: their {@code _entities} and internal endpoints are for the gateway, and the
     * demo stack prints its passwords. The gateway listens on every interface, as a public endpoint does.
     */
    private static final String LOOPBACK = "--server.address=127.0.0.1";

    /** How an app was started, so {@link #restart} can start it again the same way on the same port. */
    private record Launch(Supplier<SpringApplicationBuilder> builder, List<String> args) {
    }

    /** The running apps in start order (a restarted app keeps its place); null once stopped. */
    private final Map<String, ConfigurableApplicationContext> contexts;
    private final Map<String, Launch> launches;
    private final Map<String, Integer> ports;
    private final String[] extraArgs;
    private final Duration startup;

    private Stack(Map<String, ConfigurableApplicationContext> contexts, Map<String, Launch> launches,
                  Map<String, Integer> ports, String[] extraArgs, Duration startup) {
        this.contexts = contexts;
        this.launches = launches;
        this.ports = ports;
        this.extraArgs = extraArgs;
        this.startup = startup;
    }

    /** Runs everything until Ctrl-C, printing the GraphiQL URL once the stack answers. */
    public static void main(String[] args) {
        System.setProperty(EmbeddedPostgresServer.STOP_ON_EXIT, "false");
        Stack stack;
        DemoData.Seeded seeded;
        try {
            stack = start(StackPorts.defaults(), args);
        } catch (RuntimeException e) {
            log.error("VentusVault did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stack-stop"));
        try {
            seeded = new DemoData(stack.gatewayUrl()).seed();
        } catch (RuntimeException e) {
            log.error("VentusVault started but the demo data could not be seeded: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        // Measured from the JVM's start, so class loading and PostgreSQL's start count too.
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("""

                VentusVault is ready %.1f s after the JVM started (apps %.1f s, demo data %.1f s).
                  GraphiQL:  %s
                  GraphQL:   %s
                  Subgraphs: accounts :%d  payments :%d  markets :%d  ai :%d   provider simulator :%d
                  Demo logins (password "%s"): %s
                  Demo staff (ADMIN, e.g. for verifyLedger): %s
                Ctrl-C stops everything.
                %n""", ready / 1000.0, stack.startup.toMillis() / 1000.0, seeded.took().toMillis() / 1000.0,
                stack.baseUrl("gateway") + "/graphiql", stack.gatewayUrl(),
                stack.port("accounts"), stack.port("payments"), stack.port("markets"), stack.port("ai"),
                stack.port("provider-simulator"), DemoData.PASSWORD, String.join(", ", seeded.emails()),
                System.getenv("VENTUS_ADMIN_EMAIL") == null ? DemoData.ADMIN_EMAIL : System.getenv("VENTUS_ADMIN_EMAIL"));
    }

    /**
     * Starts the provider simulator first (its webhooks go to payments, whose port is therefore fixed before it
     * starts), then accounts (the others verify tokens against its JWKS), then payments, markets and ai side by side,
     * then the gateway pointed at wherever they landed. Extra arguments go to every app, e.g. {@code --debug}.
     */
    public static Stack start(StackPorts requested, String... extraArgs) {
        long started = System.nanoTime();
        Map<String, ConfigurableApplicationContext> contexts = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, Launch> launches = new ConcurrentHashMap<>();
        Map<String, Integer> ports = Collections.synchronizedMap(new LinkedHashMap<>());
        try {
            int paymentsPort = requested.payments() == 0 ? freePort() : requested.payments();
            String paymentsUrl = "http://127.0.0.1:" + paymentsPort;
            launch("provider-simulator", ProviderSimulatorApplication::builder, requested.providerSimulator(), List.of(LOOPBACK,
                            "--ventus.simulator.paystack.webhook-url=" + paymentsUrl + "/webhooks/paystack",
                            "--ventus.simulator.flutterwave.webhook-url=" + paymentsUrl + "/webhooks/flutterwave"),
                    extraArgs, contexts, launches, ports);
            String simulatorUrl = "http://127.0.0.1:" + ports.get("provider-simulator");

            List<String> accountsArgs = new ArrayList<>(List.of(LOOPBACK, "--ventus.accounts.tokens.allow-generated-key=true",
                    // The seeded demo users have verified emails (the bootstrap admin is verified when created).
                    "--ventus.accounts.identity.pre-verified-emails=" + String.join(",", DemoData.emails())));
            if (System.getenv("VENTUS_ADMIN_EMAIL") == null) {
                accountsArgs.add("--ventus.accounts.bootstrap-admin.email=" + DemoData.ADMIN_EMAIL);
                accountsArgs.add("--ventus.accounts.bootstrap-admin.password=" + DemoData.PASSWORD);
            }
            launch("accounts", AccountsApplication::builder, requested.accounts(), accountsArgs, extraArgs, contexts,
                    launches, ports);
            String accountsUrl = "http://127.0.0.1:" + ports.get("accounts");
            String jwks = "--ventus.auth.jwks-uri=" + accountsUrl + "/.well-known/jwks.json";
            List<String> auth = List.of(LOOPBACK, jwks);

            List<String> paymentsArgs = new ArrayList<>(auth);
            paymentsArgs.add("--ventus.payments.accounts-url=" + accountsUrl);
            paymentsArgs.add("--ventus.payments.demo-funding=true");
            paymentsArgs.addAll(providerUrls(simulatorUrl));
            List<String> marketsArgs = new ArrayList<>(auth);
            marketsArgs.add("--ventus.markets.trading.payments-url=" + paymentsUrl); // executeTrade posts through the ledger
            CompletableFuture<?> payments = startAsync("payments", PaymentsApplication::builder, paymentsPort,
                    paymentsArgs, extraArgs, contexts, launches, ports);
            CompletableFuture<?> markets = startAsync("markets", MarketsApplication::builder, requested.markets(),
                    marketsArgs, extraArgs, contexts, launches, ports);
            CompletableFuture<?> ai = startAsync("ai", AiApplication::builder, requested.ai(), auth, extraArgs, contexts,
                    launches, ports);
            CompletableFuture.allOf(payments, markets, ai).join();

            List<String> gatewayArgs = new ArrayList<>(List.of(jwks)); // the gateway verifies tokens too
            for (String subgraph : List.of("accounts", "payments", "markets", "ai")) {
                gatewayArgs.add("--gateway.subgraphs." + subgraph + ".url=http://127.0.0.1:" + ports.get(subgraph) + "/graphql");
            }
            launch("gateway", GatewayApplication::builder, requested.gateway(), gatewayArgs, extraArgs, contexts, launches,
                    ports);
        } catch (RuntimeException e) {
            new Stack(contexts, launches, ports, extraArgs, Duration.ZERO).close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Stack started in {} ms: {}", took.toMillis(), ports);
        return new Stack(contexts, Map.copyOf(launches), Map.copyOf(ports), extraArgs.clone(), took);
    }

    /**
     * Payments talks to the simulator unless {@code PAYSTACK_BASE_URL} / {@code FLUTTERWAVE_BASE_URL} name the real
     * (or another) provider; the secrets come from the environment on both sides ({@code PAYSTACK_SECRET_KEY},
     * {@code FLUTTERWAVE_SECRET_KEY}, {@code FLUTTERWAVE_SECRET_HASH}, with the simulator's test values as defaults).
     */
    private static List<String> providerUrls(String simulatorUrl) {
        String paystack = System.getenv("PAYSTACK_BASE_URL");
        String flutterwave = System.getenv("FLUTTERWAVE_BASE_URL");
        return List.of(
                "--ventus.payments.providers.paystack.base-url=" + (paystack == null ? simulatorUrl + "/paystack" : paystack),
                "--ventus.payments.providers.flutterwave.base-url="
                        + (flutterwave == null ? simulatorUrl + "/flutterwave" : flutterwave));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for payments", e);
        }
    }

    private static void launch(String name, Supplier<SpringApplicationBuilder> builder, int port, List<String> args,
                               String[] extraArgs, Map<String, ConfigurableApplicationContext> contexts,
                               Map<String, Launch> launches, Map<String, Integer> ports) {
        ConfigurableApplicationContext context = run(name, builder.get(), port, args, extraArgs);
        contexts.put(name, context);
        launches.put(name, new Launch(builder, List.copyOf(args)));
        ports.put(name, localPort(context));
    }

    private static CompletableFuture<?> startAsync(String name, Supplier<SpringApplicationBuilder> builder, int port,
                                                   List<String> args, String[] extraArgs,
                                                   Map<String, ConfigurableApplicationContext> contexts,
                                                   Map<String, Launch> launches, Map<String, Integer> ports) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                launch(name, builder, port, args, extraArgs, contexts, launches, ports);
                started.complete(null);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "start-" + name);
        // The launcher's class loader (the fat jar's), not the system one a pool thread would have.
        thread.setContextClassLoader(Stack.class.getClassLoader());
        thread.start();
        return started;
    }

    private static ConfigurableApplicationContext run(String name, SpringApplicationBuilder builder, int port,
                                                      List<String> args, String[] extraArgs) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        all.add("--spring.application.name=" + name);
        all.add("--spring.main.banner-mode=off");
        all.addAll(List.of(extraArgs));
        // Logs say "Started PaymentsApplication", not "Started Stack" (the class whose main() is running).
        if (builder.application().getAllSources().iterator().next() instanceof Class<?> application) {
            builder.main(application);
        }
        // Each app gets event loops of its own instead of Reactor Netty's JVM-wide ones, which closing any one app's
        // context would shut down under all the others (restart() closes one app and keeps the rest running).
        builder.initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                () -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    return resources;
                }));
        // The stack closes the apps itself, in order, so that PostgreSQL outlives its clients.
        return builder.registerShutdownHook(false).run(all.toArray(String[]::new));
    }

    private static int localPort(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public int port(String app) {
        Integer port = ports.get(app);
        if (port == null) {
            throw new IllegalArgumentException("No app named '" + app + "' in the stack; apps: " + ports.keySet());
        }
        return port;
    }

    public String baseUrl(String app) {
        return "http://localhost:" + port(app);
    }

    public String gatewayUrl() {
        return baseUrl("gateway") + "/graphql";
    }

    public Duration startup() {
        return startup;
    }

    /**
     * Stops one app (its port goes quiet) and starts it again the same way on the same port, as a deployment restarts
     * a service: for tests of what its clients see meanwhile. {@code whileStopped} runs in between.
     */
    public void restart(String app, Runnable whileStopped) {
        Launch launch = launches.get(app);
        if (launch == null) {
            throw new IllegalArgumentException("No app named '" + app + "' in the stack; apps: " + launches.keySet());
        }
        stop(app, contexts.put(app, null));
        whileStopped.run();
        contexts.put(app, run(app, launch.builder().get(), port(app), launch.args(), extraArgs));
    }

    /** Stops the gateway, then the subgraphs, then the embedded PostgreSQL if this JVM started one. */
    @Override
    public void close() {
        List<Map.Entry<String, ConfigurableApplicationContext>> reversed;
        synchronized (contexts) {
            reversed = new ArrayList<>(contexts.entrySet());
        }
        Collections.reverse(reversed);
        reversed.forEach(app -> stop(app.getKey(), app.getValue()));
        EmbeddedPostgresServer.stop();
    }

    private static void stop(String app, ConfigurableApplicationContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (RuntimeException e) {
            log.warn("Could not close {} cleanly: {}", app, e.getMessage());
        }
    }
}
