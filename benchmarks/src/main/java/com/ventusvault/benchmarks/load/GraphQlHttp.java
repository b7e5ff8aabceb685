package com.ventusvault.benchmarks.load;

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
 * GraphQL over HTTP/1.1 for the load harness: one JDK client with its own connection pool per endpoint, keep-alive,
 * a bearer token per call. A transport failure comes back as a response with status 0, so a load worker counts it
 * as an error and carries on.
 */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    public GraphQlHttp(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** The status and parsed body ({@code null} body when the call did not complete). */
    public record Answer(int status, JsonNode body, String failure) {

        public boolean ok() {
            return status == 200 && body != null && (body.path("errors").isMissingNode() || body.path("errors").isEmpty());
        }

        public JsonNode data(String path) {
            JsonNode node = body.path("data");
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }

        public Answer orThrow() {
            if (!ok()) {
                throw new IllegalStateException("GraphQL call failed: HTTP " + status + " " + (body == null ? failure : body));
            }
            return this;
        }
    }

    public Answer execute(String document, Map<String, ?> variables, String token) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()), null);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
