package dev.tollgate.metrics.jdbc;

import java.util.Arrays;
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
            // Straight into the result, grown if need be: a 64 KiB chunk per call and the copies of
            // a stream were most of what a flush allocated (it packs thousands of small blobs).
            byte[] out = new byte[content.size() / 2 + 64];
            out[0] = (byte) header;
            int size = 1;
            while (!deflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                size += deflater.deflate(out, size, out.length - size);
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } finally {
            deflater.end();
        }
    }

    /** The content after the header byte, inflated. */
    static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, 1, bytes.length - 1);
            byte[] out = new byte[Math.max(64, bytes.length * 4)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int length = inflater.inflate(out, size, out.length - size);
                if (length == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("Truncated compressed data");
                }
                size += length;
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Corrupt compressed data", e);
        } finally {
            inflater.end();
        }
    }
}
