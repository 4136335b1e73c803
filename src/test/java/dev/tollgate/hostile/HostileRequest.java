package dev.tollgate.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.Gzip;

/**
 * A request exactly as a hostile or broken client sends it: any bytes, any path (percent
 * encodings and {@code ..} left as they are), any headers, a body with or without a declared
 * length. {@link ApiClient} sends well-meant requests; these are not.
 *
 * @param body made when sent, so that a corpus of 10 MiB bodies is not held in memory at once
 */
record HostileRequest(String method, String path, List<String> headers, Supplier<byte[]> body, boolean chunked) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static HostileRequest of(String method, String path) {
        return new HostileRequest(method, path, List.of(), null, false);
    }

    HostileRequest header(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new HostileRequest(method, path, List.copyOf(more), body, chunked);
    }

    HostileRequest body(String contentType, String text) {
        return body(contentType, () -> text.getBytes(StandardCharsets.UTF_8));
    }

    HostileRequest body(String contentType, Supplier<byte[]> bytes) {
        HostileRequest typed = contentType == null ? this : header("Content-Type", contentType);
        return new HostileRequest(method, path, typed.headers, bytes, chunked);
    }

    /** Sends the body without a Content-Length, so that only counting it while reading can find its size. */
    HostileRequest withoutLength() {
        return new HostileRequest(method, path, headers, body, true);
    }

    /** Compresses the body and says so, as {@code Content-Encoding: gzip}. */
    HostileRequest gzipped() {
        Supplier<byte[]> plain = body;
        return new HostileRequest(method, path, headers, () -> Gzip.compress(plain.get()), chunked)
                .header("Content-Encoding", "gzip");
    }

    /** Sends the request; a connection the server drops is a failure of the test, not an answer. */
    ApiResponse send(int port) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + path);
        byte[] bytes = body == null ? null : body.get();
        HttpRequest.BodyPublisher publisher = bytes == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method, publisher);
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ApiResponse(method, path, response.statusCode(), response.headers(), response.body());
    }

    /** {@code prefix}, then {@code filler} repeated until the whole is {@code size} bytes. */
    static byte[] padded(String prefix, byte filler, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, filler);
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, bytes, 0, start.length);
        return bytes;
    }
}
