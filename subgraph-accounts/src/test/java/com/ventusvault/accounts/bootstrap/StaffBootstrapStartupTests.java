package com.ventusvault.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsApplication;
import com.ventusvault.accounts.AccountsClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** An app started with a bootstrap admin configured: the admin exists before the first request and logs in as ADMIN. */
@SpringBootTest(classes = AccountsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=accounts", "ventus.accounts.tokens.allow-generated-key=true",
        "ventus.accounts.bootstrap-admin.email=Boot.Admin@Example.com",
        "ventus.accounts.bootstrap-admin.password=bootstrap secret 1"})
class StaffBootstrapStartupTests {

    @LocalServerPort
    int port;

    @Test
    void configuredAdminLogsInWithAnAccessTokenCarryingTheAdminRole() {
        Map<?, ?> session = new AccountsClient(port).graphQl().documentName("login")
                .variable("input", Map.of("email", "boot.admin@example.com", "password", "bootstrap secret 1"))
                .execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.session").entity(Map.class).get();

        assertThat(((Map<?, ?>) session.get("user")).get("roles")).isEqualTo(List.of("CUSTOMER", "ADMIN"));
        assertThat(((Map<?, ?>) session.get("user")).get("displayName")).isEqualTo("VentusVault Admin");
        String payload = ((String) session.get("accessToken")).split("\\.")[1];
        Map<?, ?> claims = JsonMapper.builder().build().readValue(Base64.getUrlDecoder().decode(payload), Map.class);
        assertThat(claims.get("roles")).isEqualTo(List.of("CUSTOMER", "ADMIN"));
    }
}
