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
     * The whole body, read straight into an array of the declared length when there is one:
     * {@code readAllBytes} collects chunks and copies them together, so a body of 5,000 lines
     * (half a MiB) cost twice its size again, and a gate question of a hundred bytes a chunk of
     * 16 KiB.
     */
    public static byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        try (InputStream body = request.getInputStream()) {
            if (declared <= 0 || declared > Integer.MAX_VALUE - 8) {
                return body.readAllBytes();
            }
            byte[] bytes = new byte[(int) declared];
            int size = 0;
            while (size < bytes.length) {
                int read = body.read(bytes, size, bytes.length - size);
                if (read < 0) {
                    break;
                }
                size += read;
            }
            if (size < bytes.length) {
                return Arrays.copyOf(bytes, size);
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
