package dev.tollgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmarks' client reads whole answers, of a length or chunked, on one connection while the server keeps it. */
class KeptAliveConnectionTest {

    private final HttpServer server;
    /** The client ports the server saw: one a connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    KeptAliveConnectionTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            answer(exchange, 201, ("got " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Asked") + " " + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8), false);
        });
        server.createContext("/chunked", exchange -> answer(exchange, 200, "x".repeat(100_000).getBytes(StandardCharsets.UTF_8),
                true));
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "3");
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 429, "busy".getBytes(StandardCharsets.UTF_8), false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        connections.add(exchange.getRemoteAddress().getPort());
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sends_method_target_headers_and_body_and_reads_answers_of_a_length_and_chunked_on_one_connection()
            throws IOException {
        try (KeptAliveConnection connection = new KeptAliveConnection(uri("/"))) {
            KeptAliveConnection.Answer first = connection.exchange(HttpRequest.newBuilder(uri("/echo?q=a%20b"))
                    .header("X-Asked", "yes").POST(HttpRequest.BodyPublishers.ofString("{\"a\": 1}")).build());
            KeptAliveConnection.Answer chunked = connection.exchange(HttpRequest.newBuilder(uri("/chunked")).GET().build());
            KeptAliveConnection.Answer third = connection.exchange(HttpRequest.newBuilder(uri("/echo")).GET().build());

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.text()).isEqualTo("got POST /echo?q=a%20b yes {\"a\": 1}");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.text()).isEqualTo("x".repeat(100_000));
            assertThat(third.text()).isEqualTo("got GET /echo null ");
            assertThat(connections).hasSize(1);
        }
    }

    @Test
    void reads_retry_after_and_opens_a_new_connection_after_the_server_closed_one() throws IOException {
        try (KeptAliveConnection connection = new KeptAliveConnection(uri("/"))) {
            KeptAliveConnection.Answer busy = connection.exchange(HttpRequest.newBuilder(uri("/busy")).GET().build());
            KeptAliveConnection.Answer next = connection.exchange(HttpRequest.newBuilder(uri("/echo")).GET().build());

            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.retryAfter()).isEqualTo(3);
            assertThat(busy.text()).isEqualTo("busy");
            assertThat(next.status()).isEqualTo(201);
            assertThat(connections).hasSize(2);
        }
    }
}
