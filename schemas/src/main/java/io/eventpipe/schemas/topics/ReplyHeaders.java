package io.eventpipe.schemas.topics;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka headers a relay puts on each request so that the reply reaches the instance
 * holding the HTTP request: it reads only its own partition of events.results. Values are
 * ASCII text, so kcat shows them as they are.
 */
public final class ReplyHeaders {

    /** Partition of events.results that the requesting relay instance reads. */
    public static final String REPLY_PARTITION = "eventpipe-reply-partition";
    /** Id of the relay instance waiting for the reply (for tracing and for filtering shared partitions). */
    public static final String REPLY_TO = "eventpipe-reply-to";
    /** The event id, as correlation id carried from the relay to the receipt. */
    public static final String CORRELATION_ID = "eventpipe-correlation-id";

    private ReplyHeaders() {
    }

    public static void write(Headers headers, int replyPartition, String replyTo, String correlationId) {
        headers.add(REPLY_PARTITION, Integer.toString(replyPartition).getBytes(StandardCharsets.US_ASCII));
        headers.add(REPLY_TO, replyTo.getBytes(StandardCharsets.UTF_8));
        headers.add(CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
    }

    /** The reply partition, if the header is present and a non-negative integer. */
    public static OptionalInt replyPartition(Headers headers) {
        Header header = headers.lastHeader(REPLY_PARTITION);
        if (header == null || header.value() == null) {
            return OptionalInt.empty();
        }
        try {
            int partition = Integer.parseInt(new String(header.value(), StandardCharsets.US_ASCII));
            return partition >= 0 ? OptionalInt.of(partition) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
