package sdlab.runtime.wire;

import sdlab.core.NodeId;

/** The types written as a fixed number of bytes or one length-prefixed run of bytes. */
enum Scalar implements ValuePlan {
    BOOLEAN("boolean") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readBoolean("a boolean");
        }
    },
    /** Two bytes: Kafka's producer epochs are shorts, and a log record carries one. */
    SHORT("short") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeShort((Short) value);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readShort("a short");
        }
    },
    INT("int") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeInt((Integer) value);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readInt("an int");
        }
    },
    LONG("long") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeLong((Long) value);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readLong("a long");
        }
    },
    /** The IEEE 754 bits, so that every double (NaN payloads, -0.0) comes back as it was. */
    DOUBLE("double") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return Double.longBitsToDouble(in.readLong("a double"));
        }
    },
    STRING("String") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeString((String) value);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readString("a string");
        }
    },
    BYTES("byte[]") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeBytes((byte[]) value);
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            return in.readBytes("a byte array");
        }
    },
    /** A node id is its name; a blank name is refused as the constructor refuses it. */
    NODE_ID("NodeId") {
        @Override
        public void write(Object value, WireWriter out) {
            out.writeString(((NodeId) value).name());
        }

        @Override
        public Object read(WireReader in, int depth) throws WireFormatException {
            int at = in.offset();
            String name = in.readString("a node id");
            if (name.isBlank()) {
                throw new WireFormatException("a node id needs a name, got a blank one", at);
            }
            return new NodeId(name);
        }
    };

    private final String name;

    Scalar(String name) {
        this.name = name;
    }

    @Override
    public String describe() {
        return name;
    }
}
