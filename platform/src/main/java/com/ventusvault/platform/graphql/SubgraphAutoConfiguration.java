package com.ventusvault.platform.graphql;

import com.ventusvault.platform.errors.ApiErrorAdvice;
import com.ventusvault.platform.errors.RequestErrorCodes;
import com.ventusvault.platform.requests.RequestFactsArgumentResolver;
import com.ventusvault.platform.requests.RequestFactsInterceptor;
import com.ventusvault.platform.requests.TrustedProxies;
import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AuthProperties;
import com.ventusvault.platform.security.SigningKeySource;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import com.ventusvault.platform.security.ViewerInterceptor;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes a Spring Boot app a VentusVault Federation 2 subgraph once it sets {@code ventus.subgraph.name}: its SDL comes
 * from the {@code schema} module ({@code subgraphs/<name>.graphqls}, the single source of truth), entities resolve
 * through {@code @EntityMapping}, {@code Decimal} and {@code DateTime} are wired, errors carry {@code extensions.code},
 * and every request's access token is verified against the accounts JWKS.
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class)
@ConditionalOnProperty("ventus.subgraph.name")
@EnableConfigurationProperties(AuthProperties.class)
public class SubgraphAutoConfiguration {

    @Bean
    FederationSchemaFactory federationSchemaFactory() {
        return new FederationSchemaFactory();
    }

    @Bean
    GraphQlSourceBuilderCustomizer subgraphSchema(@Value("${ventus.subgraph.name}") String name,
                                                  FederationSchemaFactory federation) {
        ClassPathResource sdl = new ClassPathResource("subgraphs/" + name + ".graphqls");
        if (!sdl.exists()) {
            throw new IllegalStateException("ventus.subgraph.name=" + name + " but the schema module has no subgraphs/"
                    + name + ".graphqls");
        }
        return builder -> builder.schemaResources(sdl).schemaFactory(federation::createGraphQLSchema);
    }

    /** Parses and validates each distinct operation text once (bounded cache, see {@link CachedDocuments}). */
    @Bean
    GraphQlSourceBuilderCustomizer cachedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new CachedDocuments(1_000)));
    }

    @Bean
    RuntimeWiringConfigurer subgraphScalars() {
        return wiring -> wiring.scalar(DecimalScalar.INSTANCE).scalar(DateTimeScalar.INSTANCE);
    }

    @Bean
    ApiErrorAdvice apiErrorAdvice() {
        return new ApiErrorAdvice();
    }

    @Bean
    RequestErrorCodes requestErrorCodes() {
        return new RequestErrorCodes();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SigningKeySource signingKeySource(AuthProperties properties) {
        return SigningKeySource.remote(WebClient.create(), properties.jwksUri());
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(AuthProperties properties, SigningKeySource keys, Clock clock) {
        return new AccessTokenVerifier(properties, keys, clock);
    }

    @Bean
    ViewerInterceptor viewerInterceptor(AccessTokenVerifier verifier) {
        return new ViewerInterceptor(verifier);
    }

    @Bean
    ViewerArgumentResolver viewerArgumentResolver() {
        return new ViewerArgumentResolver();
    }

    /** graphql-transport-ws on {@code spring.graphql.websocket.path}, closing its sockets when the app stops. */
    @Bean
    @ConditionalOnProperty("spring.graphql.websocket.path")
    ClosingWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
            @Value("${spring.graphql.websocket.connection-init-timeout:60s}") Duration initTimeout,
            @Value("${spring.graphql.websocket.keep-alive:15s}") Duration keepAlive) {
        return new ClosingWebSocketHandler(handler, codecs, initTimeout, keepAlive);
    }

    /** Request id, client IP (X-Forwarded-For from {@code ventus.http.trusted-proxies} only) and user agent. */
    @Bean
    RequestFactsInterceptor requestFactsInterceptor(
            @Value("${ventus.http.trusted-proxies:127.0.0.0/8,::1/128}") java.util.List<String> trustedProxies) {
        return new RequestFactsInterceptor(TrustedProxies.of(trustedProxies));
    }

    @Bean
    RequestFactsArgumentResolver requestFactsArgumentResolver() {
        return new RequestFactsArgumentResolver();
    }
}
