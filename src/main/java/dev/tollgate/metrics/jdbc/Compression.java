package dev.tollgate.metrics.jdbc;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw deflate for batches and minute blobs: encoded points shrink to a third or less. */
final class Compression {

    /** Fast deflate: the write path compresses every batch before its commit. */
    private static final int LEVEL = 1;

    private Compression() {
    }

    /** The deflated bytes, after a first byte {@code header} kept as it is (a format version). */
    static byte[] deflate(int header, BinaryWriter content) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(content.buffer(), 0, content.size());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.size() / 3 + 64);
            out.write(header);
            byte[] chunk = new byte[Math.min(64 * 1024, content.size() + 64)];
            while (!deflater.finished()) {
                int length = deflater.deflate(chunk);
                out.write(chunk, 0, length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The content after the header byte, inflated. */
    static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, 1, bytes.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int length = inflater.inflate(chunk);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("Truncated compressed data");
                }
                out.write(chunk, 0, length);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Corrupt compressed data", e);
        } finally {
            inflater.end();
        }
    }
}
