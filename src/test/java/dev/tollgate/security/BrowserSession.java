package dev.tollgate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI as a browser meets it, over plain HTTP: a cookie jar, the login page with the CSRF token
 * it hands out, and the login form's post. Redirects are not followed, so that a test sees them.
 */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** A browser on this machine's {@code address} (any of 127.0.0.0/8): the server sees it as that client. */
    BrowserSession(int port, String address) {
        this.base = URI.create("http://127.0.0.1:" + port);
        try {
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).localAddress(InetAddress.getByName(address)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BrowserSession(int port) {
        this(port, "127.0.0.1");
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The CSRF token of the login page, which also starts a session. */
    String csrfToken() {
        String page = get("/login").body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("The login page holds no CSRF token: " + page);
        }
        return token.group(1);
    }

    /** Posts the login form as the page would, CSRF token included; answers the redirect. */
    HttpResponse<String> signIn(String username, String password) {
        return postLogin(username, password, csrfToken());
    }

    /** Posts the login form with the given CSRF token; null leaves it out. */
    HttpResponse<String> postLogin(String username, String password, String csrfToken) {
        return postLogin(SecurityConfiguration.SIGN_IN, username, password, csrfToken);
    }

    /** Posts a login form to {@code path}, as a forged one could. */
    HttpResponse<String> postLogin(String path, String username, String password, String csrfToken) {
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (csrfToken == null ? "" : "&_csrf=" + encode(csrfToken));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Whether a login answer let the user in: a redirect anywhere but back to the login page. */
    static boolean signedIn(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode() == 302 && !location.contains("/login");
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie, as an attacker who planted a session id in a victim's browser would. */
    void useSessionId(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
