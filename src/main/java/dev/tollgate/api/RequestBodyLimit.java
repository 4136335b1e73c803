package dev.tollgate.api;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md: "Content-Encoding: gzip is accepted on every write endpoint", and a request body over
 * 10 MiB <em>after decompression</em> answers 413. A declared length over the limit is refused
 * before a byte is read; any other body is counted as it is read (decompressed, so a gzip bomb
 * is cut off at the limit too). Runs before security, so an oversized body never costs a token
 * lookup.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final JsonMapper json;

    RequestBodyLimit(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/write") || path.equals("/query"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content encoding",
                    "Content-Encoding must be gzip or identity");
            return;
        }
        if (!gzip && request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large", BodyTooLargeException.MESSAGE);
            return;
        }
        chain.doFilter(new LimitedRequest(request, gzip), response);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, title, detail, null));
    }

    /** The request as controllers see it: decompressed, counted, without the encoding headers. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final boolean gzip;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, boolean gzip) {
            super(request);
            this.gzip = gzip;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream raw = super.getInputStream();
                limited = new LimitedInputStream(raw, gzip ? gunzip(raw) : raw, gzip);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public String getHeader(String name) {
            return gzip && isEncodingHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return gzip && isEncodingHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (!gzip) {
                return super.getHeaderNames();
            }
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(LimitedRequest::isEncodingHeader);
            return Collections.enumeration(names);
        }

        @Override
        public int getContentLength() {
            return gzip ? -1 : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return gzip ? -1 : super.getContentLengthLong();
        }

        private static boolean isEncodingHeader(String name) {
            return HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
        }

        private static InputStream gunzip(InputStream raw) throws IOException {
            try {
                return new GZIPInputStream(raw, 64 * 1024);
            } catch (ZipException | EOFException e) {
                throw new BadGzipException(e);
            }
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream raw;
        private final InputStream in;
        private final boolean gzip;
        private long read;
        private boolean finished;

        LimitedInputStream(ServletInputStream raw, InputStream in, boolean gzip) {
            this.raw = raw;
            this.in = in;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                if (gzip) {
                    throw new BadGzipException(e);
                }
                throw e;
            }
            if (n < 0) {
                finished = true;
            } else {
                read += n;
                if (read > MAX_BODY_BYTES) {
                    throw new BodyTooLargeException();
                }
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return gzip ? finished : raw.isFinished();
        }

        @Override
        public boolean isReady() {
            return raw.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            raw.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
