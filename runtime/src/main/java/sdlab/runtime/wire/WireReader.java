package sdlab.runtime.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one frame's bytes, checking every length against what is left, so that bad input ends
 * in a {@link WireFormatException} that names the offset and never in an exception of the JDK's
 * or an allocation sized by the peer.
 */
final class WireReader {
    private final byte[] bytes;
    private final int start;
    private final int end;
    private int position;

    WireReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.position = start;
    }

    /** The offset of the next byte, from the start of the frame. */
    int offset() {
        return position - start;
    }

    int remaining() {
        return end - position;
    }

    int readByte(String what) throws WireFormatException {
        need(1, what);
        return bytes[position++] & 0xff;
    }

    short readShort(String what) throws WireFormatException {
        need(Short.BYTES, what);
        int high = bytes[position++] & 0xff;
        int low = bytes[position++] & 0xff;
        return (short) ((high << 8) | low);
    }

    int readInt(String what) throws WireFormatException {
        need(Integer.BYTES, what);
        int value = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        return value;
    }

    long readLong(String what) throws WireFormatException {
        need(Long.BYTES, what);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        return value;
    }

    boolean readBoolean(String what) throws WireFormatException {
        int at = offset();
        int value = readByte(what);
        return switch (value) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new WireFormatException(what + " must be 0 or 1, got " + value, at);
        };
    }

    /** A count of elements, at most {@code max}. */
    int readCount(String what, int max) throws WireFormatException {
        int at = offset();
        int count = readInt(what + " count");
        if (count < 0 || count > max) {
            throw new WireFormatException(what + " count " + count + " is outside 0.." + max, at);
        }
        return count;
    }

    byte[] readBytes(String what) throws WireFormatException {
        int at = offset();
        int length = readInt(what + " length");
        if (length < 0) {
            throw new WireFormatException(what + " length " + length + " is negative", at);
        }
        if (length > remaining()) {
            throw new WireFormatException(
                    what + " of " + length + " bytes but only " + remaining() + " remain in the frame", at);
        }
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    /** A string whose bytes must be well-formed UTF-8; a decoder that replaced them would hide the fault. */
    String readString(String what) throws WireFormatException {
        int at = offset();
        byte[] raw = readBytes(what);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(what + " is not valid UTF-8", at);
        }
    }

    private void need(int count, String what) throws WireFormatException {
        if (count > remaining()) {
            throw new WireFormatException(
                    "frame ends inside " + what + ": " + count + " bytes needed, " + remaining() + " left", offset());
        }
    }
}
