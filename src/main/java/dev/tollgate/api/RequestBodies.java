package dev.tollgate.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/** Request bodies read whole, for the controllers that read their bodies themselves. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The most a read takes before any of the body arrived: a declared length is a promise, and
     * ten clients declaring 10 MiB each and sending nothing must not hold 100 MiB of heap.
     */
    static final int FIRST_CHUNK = 1 << 20;

    /**
     * The whole body, read straight into an array of the declared length when there is one (up to
     * {@link #FIRST_CHUNK} at first, doubling as the body arrives): {@code readAllBytes} collects
     * chunks and copies them together, so a body of 5,000 lines (half a MiB) cost twice its size
     * again, and a gate question of a hundred bytes a chunk of 16 KiB.
     */
    public static byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        try (InputStream body = request.getInputStream()) {
            if (declared <= 0 || declared > Integer.MAX_VALUE - 8) {
                return body.readAllBytes();
            }
            byte[] bytes = new byte[(int) Math.min(declared, FIRST_CHUNK)];
            int size = 0;
            while (size < declared) {
                if (size == bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(declared, 2L * size));
                }
                int read = body.read(bytes, size, bytes.length - size);
                if (read < 0) {
                    return Arrays.copyOf(bytes, size);
                }
                size += read;
            }
            int next = body.read();
            if (next < 0) {
                return bytes;
            }
            // More than declared: a gzip body declares its compressed length.
            ByteArrayOutputStream whole = new ByteArrayOutputStream(bytes.length * 4);
            whole.write(bytes);
            whole.write(next);
            body.transferTo(whole);
            return whole.toByteArray();
        }
    }
}
