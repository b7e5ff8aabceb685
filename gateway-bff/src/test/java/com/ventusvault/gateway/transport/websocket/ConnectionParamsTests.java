package com.ventusvault.gateway.transport.websocket;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Where clients put the access token in {@code connection_init}, and the close frames the gateway sends. */
class ConnectionParamsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void authorizationIsReadInAnyCaseAndAsIs() {
        assertThat(ConnectionParams.authorization(payload("{\"Authorization\":\"Bearer abc\"}"))).isEqualTo("Bearer abc");
        assertThat(ConnectionParams.authorization(payload("{\"authorization\":\"Bearer abc\"}"))).isEqualTo("Bearer abc");
        assertThat(ConnectionParams.authorization(payload("{\"headers\":{\"Authorization\":\"Bearer abc\"}}")))
                .isEqualTo("Bearer abc");
        assertThat(ConnectionParams.authorization(payload("{\"Authorization\":\"Basic abc\"}")))
                .as("refused later, as the HTTP header would be").isEqualTo("Basic abc");
        assertThat(ConnectionParams.authorization(payload("{\"Authorization\":42}"))).isEqualTo("42");
    }

    @Test
    void bareTokensUnderAuthTokenTokenOrAccessTokenBecomeBearer() {
        assertThat(ConnectionParams.authorization(payload("{\"authToken\":\"abc\"}"))).isEqualTo("Bearer abc");
        assertThat(ConnectionParams.authorization(payload("{\"token\":\"Bearer abc\"}"))).isEqualTo("Bearer abc");
        assertThat(ConnectionParams.authorization(payload("{\"accessToken\":\" abc \"}"))).isEqualTo("Bearer abc");
    }

    @Test
    void aPayloadWithoutTokenIsAnonymous() {
        assertThat(ConnectionParams.authorization(payload("{}"))).isNull();
        assertThat(ConnectionParams.authorization(payload("{\"Authorization\":null,\"token\":\"\"}"))).isNull();
    }

    @Test
    void closeReasonsAreCutToWhatACloseFrameCarries() {
        String id = "é".repeat(100);
        var status = CloseCode.SUBSCRIBER_EXISTS.status("Subscriber for " + id + " already exists");
        assertThat(status.getCode()).isEqualTo(4409);
        assertThat(status.getReason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(status.getReason()).startsWith("Subscriber for éé").doesNotContain("\uFFFD");
    }

    private static ObjectNode payload(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
