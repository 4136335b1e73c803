package dev.tollgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Real HTTP against the application under test, through the whole security filter chain, as a
 * pipeline or script would call it. Requests carry no credentials unless asked to.
 */
public final class ApiClient {

    /** The admin token that test {@code config/application.properties} bootstraps. */
    public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0123456789abcdef";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Map<String, HttpClient> FROM_ADDRESS = new ConcurrentHashMap<>();

    private final URI base;
    private final HttpClient http;

    public ApiClient(int port) {
        this(URI.create("http://localhost:" + port), HTTP);
    }

    private ApiClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * The same API, called from another address of this machine (any of 127.0.0.0/8 reaches it):
     * the server sees another client. Tollgate trusts no X-Forwarded-For, so this is how a test
     * gets a client address of its own, such as for the throttles that count per address.
     */
    public ApiClient from(String address) {
        HttpClient client = FROM_ADDRESS.computeIfAbsent(address, ignored -> {
            try {
                return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER).localAddress(InetAddress.getByName(address)).build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address: " + address, e);
            }
        });
        return new ApiClient(URI.create("http://127.0.0.1:" + base.getPort()), client);
    }

    /** An identifier no other test uses, such as {@code team-17}: tests share one database. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    // Set-up through the API itself, as the bootstrap admin.

    public String createTeam(String id) {
        put("/api/v1/teams/" + id).asAdmin().json("{\"name\": \"Team " + id + "\"}").send().expectStatus(201);
        return id;
    }

    public String createService(String id, String team, String... stages) {
        String path = Arrays.stream(stages.length == 0 ? new String[] { "beta", "prod" } : stages)
                .map(stage -> "\"" + stage + "\"").collect(Collectors.joining(", ", "[", "]"));
        put("/api/v1/services/" + id).asAdmin()
                .json("{\"team\": \"" + team + "\", \"stages\": " + path + "}").send().expectStatus(201);
        return id;
    }

    /** Creates a token as the bootstrap admin and answers its secret. {@code team} may be null. */
    public String createToken(String team, String... scopes) {
        return issueToken(team, scopes).json().path("token").asString();
    }

    /** Creates a token as the bootstrap admin and answers the whole 201 response. */
    public ApiResponse issueToken(String team, String... scopes) {
        String scopeList = Arrays.stream(scopes).map(scope -> "\"" + scope + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        return post("/api/v1/tokens").asAdmin()
                .json("{\"name\": \"" + unique("token") + "\", \"scopes\": " + scopeList
                        + (team == null ? "" : ", \"team\": \"" + team + "\"") + "}")
                .send().expectStatus(201);
    }

    /** The id of the newest audit entry: compare before and after to see what a request wrote. */
    public long newestAuditId() {
        return get("/api/v1/audit?limit=1").asAdmin().send().expectStatus(200).json().path(0).path("id").asLong();
    }

    /** The audit entries written after the entry {@code id}, oldest first. */
    public List<JsonNode> auditAfter(long id) {
        List<JsonNode> entries = new ArrayList<>(get("/api/v1/audit?limit=1000").asAdmin().send().expectStatus(200)
                .json().values().stream().filter(entry -> entry.path("id").asLong() > id).toList());
        java.util.Collections.reverse(entries);
        return entries;
    }

    public final class Call {

        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Sends {@code Authorization: Bearer <token>}; a null token sends nothing. */
        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call asAdmin() {
            return token(BOOTSTRAP_TOKEN);
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call json(String json) {
            return body("application/json", json);
        }

        public Call body(String contentType, String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return header("Content-Type", contentType);
        }

        public Call bytes(String contentType, byte[] bytes) {
            this.body = bytes;
            return header("Content-Type", contentType);
        }

        public ApiResponse send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new ApiResponse(method, path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while calling " + path, e);
            }
        }
    }
}
