package dev.tollgate.metrics.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for the store's compact encodings: unsigned and zigzag varints, doubles
 * that are whole numbers as varints, and length-prefixed UTF-8 strings.
 */
final class BinaryWriter {

    /** Whole numbers up to this magnitude are exact in a double and fit a tagged varint. */
    private static final double LARGEST_COMPACT_WHOLE = 0x1p52;

    private byte[] bytes;
    private int size;

    BinaryWriter() {
        this(256);
    }

    BinaryWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeBytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
    }

    void writeUnsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void writeSigned(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    void writeRawDouble(double value) {
        ensure(8);
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
    }

    /**
     * Counters, gauges in percent and most other figures are whole numbers: they take one to a few
     * bytes instead of eight. An even varint is a whole number, the odd marker 1 precedes raw bits.
     */
    void writeDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_COMPACT_WHOLE
                && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0)) {
            long whole = (long) value;
            writeUnsigned(((whole << 1) ^ (whole >> 63)) << 1);
        } else {
            writeUnsigned(1);
            writeRawDouble(value);
        }
    }

    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length);
        writeBytes(utf8, 0, utf8.length);
    }

    /** Writes the bytes of {@code other}, prefixed with their length. */
    void writeSized(BinaryWriter other) {
        writeUnsigned(other.size);
        writeBytes(other.bytes, 0, other.size);
    }

    void writeAll(BinaryWriter other) {
        writeBytes(other.bytes, 0, other.size);
    }

    byte[] buffer() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
