package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TokenAuthenticationFilterTest {

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }

    private static MockHttpServletRequest withAuthorization(String path, String value) {
        MockHttpServletRequest request = request(path);
        request.addHeader("Authorization", value);
        return request;
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void takes_a_bearer_token() {
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", "Bearer tg_abc")))
                .contains("tg_abc");
    }

    @Test
    void takes_the_scheme_in_any_case_and_trims_the_token() {
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", "bearer   tg_abc ")))
                .contains("tg_abc");
    }

    @Test
    void takes_the_token_scheme_of_influxdb_2_clients() {
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v2/write", "Token tg_abc")))
                .contains("tg_abc");
    }

    @Test
    void takes_the_password_of_basic_auth_whatever_the_user() {
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/write", basic("telegraf:tg_abc"))))
                .contains("tg_abc");
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/write", basic(":tg_a:b"))))
                .contains("tg_a:b");
    }

    @Test
    void presents_an_empty_secret_for_broken_credentials_so_they_are_refused_not_ignored() {
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", "Basic not*base64")))
                .contains("");
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", basic("no-colon"))))
                .contains("");
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", "Digest tg_abc")))
                .contains("");
        assertThat(TokenAuthenticationFilter.presentedSecret(withAuthorization("/api/v1/teams", "Bearer")))
                .contains("");
    }

    @Test
    void takes_the_p_parameter_on_the_influxdb_1_paths() {
        for (String path : new String[] { "/write", "/query" }) {
            MockHttpServletRequest request = request(path);
            request.setParameter("u", "telegraf");
            request.setParameter("p", "tg_abc");

            assertThat(TokenAuthenticationFilter.presentedSecret(request)).as(path).contains("tg_abc");
        }
    }

    @Test
    void takes_the_p_parameter_under_a_context_path() {
        MockHttpServletRequest request = request("/tollgate/write");
        request.setContextPath("/tollgate");
        request.setParameter("p", "tg_abc");

        assertThat(TokenAuthenticationFilter.presentedSecret(request)).contains("tg_abc");
    }

    @Test
    void ignores_the_p_parameter_anywhere_else() {
        for (String path : new String[] { "/api/v1/teams", "/api/v2/write", "/api/v1/write", "/write/x", "/ping" }) {
            MockHttpServletRequest request = request(path);
            request.setParameter("p", "tg_abc");

            assertThat(TokenAuthenticationFilter.presentedSecret(request)).as(path).isEmpty();
        }
    }

    @Test
    void prefers_the_authorization_header_to_the_p_parameter() {
        MockHttpServletRequest request = withAuthorization("/write", "Token tg_header");
        request.setParameter("p", "tg_param");

        assertThat(TokenAuthenticationFilter.presentedSecret(request)).contains("tg_header");
    }

    @Test
    void presents_nothing_without_credentials() {
        assertThat(TokenAuthenticationFilter.presentedSecret(request("/api/v1/teams"))).isEmpty();
        assertThat(TokenAuthenticationFilter.presentedSecret(request("/write"))).isEmpty();
    }
}
