package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    /** A request whose body is {@code body} and whose Content-Length says {@code declared} (-1: none). */
    private static MockHttpServletRequest request(byte[] body, long declared) {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return declared;
            }
        };
        request.setContent(body);
        return request;
    }

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (i * 31);
        }
        return body;
    }

    @Test
    void reads_a_body_of_its_declared_length_or_of_none_declared() throws IOException {
        byte[] question = body(120);

        assertThat(RequestBodies.read(request(question, 120))).isEqualTo(question);
        assertThat(RequestBodies.read(request(question, -1))).isEqualTo(question);
        assertThat(RequestBodies.read(request(new byte[0], 0))).isEmpty();
    }

    @Test
    void a_body_larger_than_the_first_chunk_arrives_whole() throws IOException {
        byte[] lines = body(RequestBodies.FIRST_CHUNK * 3 + 17);

        assertThat(RequestBodies.read(request(lines, lines.length))).isEqualTo(lines);
    }

    @Test
    void a_body_shorter_or_longer_than_declared_is_read_as_it_came() throws IOException {
        byte[] body = body(5_000);

        // A client that promised 10 MiB and sent less: what came, and no more.
        assertThat(RequestBodies.read(request(body, 10L << 20))).isEqualTo(body);
        // A gzip body declares its compressed length, and inflates to more.
        assertThat(RequestBodies.read(request(body, 1_000))).isEqualTo(body);
    }
}
