package io.eventpipe.processors.config;

import io.eventpipe.schemas.registry.RegistryUnavailableException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams does with a record it cannot decode (events.incoming is read as bytes and
 * dead-lettered by the topology itself, so this concerns the global tables of label configs and
 * relays): a corrupt record is skipped and logged, the tables keep what they had and validation goes
 * on; a registry outage is not a corrupt record, and fails so that the record is read again later
 * rather than skipped.
 */
public final class SkipCorruptRecords implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipCorruptRecords.class);

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RegistryUnavailableException || exception.getCause() instanceof RegistryUnavailableException) {
            return DeserializationHandlerResponse.FAIL;
        }
        LOG.error("corrupt record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(), exception.toString());
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
