package com.ventusvault.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain GraphQL-over-HTTP client for the launcher and the end-to-end tests: it speaks to the gateway exactly as a
 * client app does (POST, JSON, bearer token), with nothing of Spring in between.
 */
public final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    public GraphQlClient(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** A response as the client sees it: the HTTP status and the parsed body. */
    public record Response(int status, JsonNode body) {

        /** {@code data} at a dotted path, e.g. {@code "login.session.accessToken"}. */
        public JsonNode data(String path) {
            JsonNode node = body.path("data");
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        /** The data, failing loudly with the errors when the request did not fully succeed. */
        public Response orThrow() {
            if (status != 200 || !errors().isMissingNode() && !errors().isEmpty()) {
                throw new IllegalStateException("GraphQL request failed with HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    public Response execute(String document, Map<String, ?> variables, String accessToken) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        return post(JSON.writeValueAsString(payload), accessToken);
    }

    /** Sends a raw body, for tests of how the gateway treats malformed requests. */
    public Response post(String body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + endpoint, e);
        }
    }
}
