package io.eventpipe.schemas.registry;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
public final class WireFormat {

    public static final byte MAGIC = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed payload, or a SerializationException saying why it is not one. */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("payload of " + payload.length + " bytes is shorter than the wire format header");
        }
        if (payload[0] != MAGIC) {
            throw new SerializationException("unknown magic byte " + payload[0] + ": not the Confluent wire format");
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC).putInt(schemaId);
    }
}
