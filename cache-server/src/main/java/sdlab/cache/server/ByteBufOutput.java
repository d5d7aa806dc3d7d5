package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import sdlab.cache.persist.ByteOutput;

/** Lets the engine's encoders write straight into a Netty buffer. */
final class ByteBufOutput implements ByteOutput {
    private ByteBuf buffer;

    ByteBufOutput(ByteBuf buffer) {
        this.buffer = buffer;
    }

    ByteBuf buffer() {
        return buffer;
    }

    void buffer(ByteBuf next) {
        this.buffer = next;
    }

    @Override
    public void writeByte(int b) {
        buffer.writeByte(b);
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
        buffer.writeBytes(bytes, offset, length);
    }
}
