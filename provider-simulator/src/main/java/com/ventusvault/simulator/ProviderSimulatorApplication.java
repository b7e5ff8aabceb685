package com.ventusvault.simulator;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * A local stand-in for Paystack ({@code /paystack/...}) and Flutterwave v3 ({@code /flutterwave/v3/...}) on port 4010:
 * the same paths, bodies and status codes as the real transfer and charge APIs, transfers and charges that complete
 * on their own after a delay and announce it with signed webhooks, and faults (latency, 5xx, 429, dropped connections)
 * injected per provider and operation. State lives in memory only.
 *
 * <p>Only the web auto-configurations are imported (not {@code @EnableAutoConfiguration}): the simulator shares a
 * classpath with the subgraphs in the stack and in payments' tests, and must not pick up their database or GraphQL.
 */
@SpringBootConfiguration
@ComponentScan
@ConfigurationPropertiesScan
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, CodecsAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class})
public class ProviderSimulatorApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The app with its config name ({@code provider-simulator.yml}) set; the stack and tests start it from here. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProviderSimulatorApplication.class)
                .properties("spring.config.name=provider-simulator");
    }
}
