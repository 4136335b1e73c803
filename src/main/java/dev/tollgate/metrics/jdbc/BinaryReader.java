package dev.tollgate.metrics.jdbc;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; a truncated or corrupt input fails with an exception. */
final class BinaryReader {

    private final byte[] bytes;
    private int position;
    private final int end;

    BinaryReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    BinaryReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return position < end;
    }

    int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            byte b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("A varint longer than 10 bytes");
    }

    int readCount() {
        long value = readUnsigned();
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A count of " + value + " is out of range");
        }
        return (int) value;
    }

    long readSigned() {
        long value = readUnsigned();
        return (value >>> 1) ^ -(value & 1);
    }

    double readRawDouble() {
        require(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (long) (bytes[position++] & 0xFF) << (8 * i);
        }
        return Double.longBitsToDouble(bits);
    }

    double readDouble() {
        long tagged = readUnsigned();
        if ((tagged & 1) == 1) {
            return readRawDouble();
        }
        long zigzag = tagged >>> 1;
        return (double) ((zigzag >>> 1) ^ -(zigzag & 1));
    }

    String readString() {
        int length = readCount();
        require(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** A reader over the next length-prefixed part, which this reader then skips. */
    BinaryReader readSized() {
        int length = readCount();
        require(length);
        BinaryReader part = new BinaryReader(bytes, position, length);
        position += length;
        return part;
    }

    void skipSized() {
        int length = readCount();
        require(length);
        position += length;
    }

    private void require(int count) {
        if (count < 0 || position + count > end) {
            throw new IllegalArgumentException("Truncated input");
        }
    }
}
