package dev.tollgate.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One client's HTTP/1.1 connection, kept alive from request to request, for the benchmarks'
 * closed-loop readers. java.net.http's client costs about a third of a millisecond of CPU a
 * request: on a 2-core machine it took a fifth of the CPU the benchmarks set out to measure, from
 * Tollgate and InfluxDB alike. This one writes the request's bytes and reads the answer from a
 * blocking socket, as wrk or ab do. It understands what the servers measured here answer: a body
 * of a Content-Length or chunked, and {@code Connection: close}.
 */
final class KeptAliveConnection implements Closeable {

    /** An answer: its status, the Retry-After header (seconds, or -1) and the body. */
    record Answer(int status, long retryAfter, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeptAliveConnection(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
    }

    /**
     * Sends the request and reads its whole answer, connecting first when no connection is open.
     * A kept connection the server closed while idle is opened again and the request sent once more.
     */
    Answer exchange(HttpRequest request) throws IOException {
        byte[] bytes = bytes(request);
        if (socket != null) {
            try {
                return exchange(bytes);
            } catch (IOException closedWhileIdle) {
                close();
            }
        }
        connect();
        return exchange(bytes);
    }

    private Answer exchange(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        long retryAfter = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "retry-after" -> retryAfter = Long.parseLong(value);
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunks();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("the answer ended " + (length - body.length) + " bytes short of its Content-Length");
            }
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(status, retryAfter, body);
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (;;) {
            String size = line();
            int extension = size.indexOf(';');
            int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers: none of the servers measured sends any worth reading
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("the answer ended inside a chunk");
            }
            body.write(chunk);
            line();
        }
    }

    /** A header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private byte[] bytes(HttpRequest request) throws IOException {
        URI uri = request.uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = body(request);
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        if (body.length > 0 || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** The bytes a request's body publisher publishes. */
    private static byte[] body(HttpRequest request) throws IOException {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        CompletableFuture<byte[]> published = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                published.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                published.complete(bytes.toByteArray());
            }
        });
        try {
            return published.get(10, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new IOException("the request's body could not be read", failure);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            Socket open = socket;
            socket = null;
            open.close();
        }
    }
}
