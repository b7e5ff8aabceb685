package com.ventusvault.gateway.limits;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests count as preflighted (allowed) under Apollo Router's CSRF rule. */
class CsrfPolicyTests {

    private final CsrfPolicy policy = new CsrfPolicy(List.of("x-apollo-operation-name", "Apollo-Require-Preflight"));

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void aNonSimpleContentTypeMeansTheBrowserPreflighted() {
        assertThat(policy.allows(headers("Content-Type", "application/json"))).isTrue();
        assertThat(policy.allows(headers("Content-Type", "application/graphql-response+json; charset=utf-8"))).isTrue();
    }

    @Test
    void simpleRequestsAreRefusedWithoutARequiredHeader() {
        assertThat(policy.allows(headers())).isFalse();
        assertThat(policy.allows(headers("Content-Type", "text/plain"))).isFalse();
        assertThat(policy.allows(headers("Content-Type", "Multipart/Form-Data; boundary=x"))).isFalse();
        assertThat(policy.allows(headers("Content-Type", "application/x-www-form-urlencoded"))).isFalse();
        assertThat(policy.allows(headers("Content-Type", "not a media type"))).isFalse();
        assertThat(policy.allows(headers("apollo-require-preflight", ""))).isFalse();
    }

    @Test
    void aRequiredHeaderWithAValueLetsASimpleRequestThrough() {
        assertThat(policy.allows(headers("apollo-require-preflight", "true"))).isTrue();
        assertThat(policy.allows(headers("Content-Type", "text/plain", "X-Apollo-Operation-Name", "Rates"))).isTrue();
    }
}
