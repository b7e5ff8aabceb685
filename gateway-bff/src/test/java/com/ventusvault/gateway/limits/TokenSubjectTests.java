package com.ventusvault.gateway.limits;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user bucket key comes from the token's sub, unverified, and from nothing else. */
class TokenSubjectTests {

    private final TokenSubject subjects = new TokenSubject(JsonMapper.builder().build());

    static String token(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void readsTheSubjectOfABearerToken() {
        assertThat(subjects.bucketKey("Bearer " + token("{\"sub\":\"u-1\",\"exp\":1}"))).isEqualTo("sub:u-1");
        assertThat(subjects.bucketKey("bearer " + token("{\"sub\":\"u-1\"}"))).isEqualTo("sub:u-1");
    }

    @Test
    void anythingElseIsAnonymous() {
        assertThat(subjects.bucketKey(null)).isNull();
        assertThat(subjects.bucketKey("Basic dXNlcjpwYXNz")).isNull();
        assertThat(subjects.bucketKey("Bearer not-a-jwt")).isNull();
        assertThat(subjects.bucketKey("Bearer a.%%%.c")).isNull();
        assertThat(subjects.bucketKey("Bearer " + token("{\"sub\":42}"))).isNull();
        assertThat(subjects.bucketKey("Bearer " + token("[1]"))).isNull();
        assertThat(subjects.bucketKey("Bearer " + token("{\"sub\":\"" + "x".repeat(200) + "\"}"))).isNull();
    }
}
