package io.eventpipe.processors.validation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.eventpipe.common.logging.EventLog;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.SourceRecord;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.processors.metrics.ProcessorsMetrics;
import io.eventpipe.schemas.registry.RegistryUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Decodes each incoming record itself (raw bytes in), so that a poison pill becomes a DLQ
 * record instead of a crash loop or a silent skip, and reads the reply headers.
 */
final class ValidateProcessor implements FixedKeyProcessor<String, byte[], Outcome>, References {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateProcessor.class);

    private final Deserializer<EventPackage> deserializer;
    private final EventValidator validator;
    private FixedKeyProcessorContext<String, Outcome> context;
    private TimestampedKeyValueStore<String, LabelConfig> labelConfigs;
    private TimestampedKeyValueStore<String, RelayRecord> relays;

    private final ProcessorsMetrics metrics;
    private final Clock clock;

    ValidateProcessor(Deserializer<EventPackage> deserializer, EventValidator validator, ProcessorsMetrics metrics, Clock clock) {
        this.deserializer = deserializer;
        this.validator = validator;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
        this.labelConfigs = context.getStateStore(ValidationTopology.LABEL_CONFIGS_STORE);
        this.relays = context.getStateStore(ValidationTopology.RELAYS_STORE);
    }

    @Override
    public Optional<LabelConfig> labelConfig(String id) {
        return Optional.ofNullable(labelConfigs.get(id)).map(ValueAndTimestamp::value);
    }

    @Override
    public Optional<RelayRecord> relay(String relayId) {
        return Optional.ofNullable(relays.get(relayId)).map(ValueAndTimestamp::value);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        SourceRecord source = source();
        EventPackage pkg;
        try {
            pkg = record.value() == null ? null : deserializer.deserialize(source.getTopic(), record.value());
        } catch (RegistryUnavailableException e) {
            throw e; // not the record's fault: the stream thread is replaced and the record read again
        } catch (RuntimeException e) {
            forward(record, validator.unreadable(record.value(), source, e.getMessage()), null);
            return;
        }
        if (pkg == null) {
            forward(record, validator.unreadable(null, source, "null value on a topic of events"), null);
            return;
        }
        OptionalInt reply = ReplyHeaders.replyPartition(record.headers());
        Integer replyPartition = reply.isPresent() ? reply.getAsInt() : null;
        forward(record, validator.validate(pkg, source, replyPartition, this), pkg.getReceivedAt());
    }

    private void forward(FixedKeyRecord<String, byte[]> record, Outcome outcome, Instant receivedAt) {
        if (outcome.isValid()) {
            metrics.validated(receivedAt, clock.instant());
            EventLog.info(LOG, outcome.validated().getEventId(), "event validated, hash {}", outcome.validated().getEventHash());
        } else {
            metrics.rejected(outcome.rejected().getReasons(), receivedAt, clock.instant());
            EventLog.info(LOG, outcome.rejected().getEventId(), "event rejected: {}",
                    outcome.rejected().getReasons().stream().map(r -> r.getCode()).toList());
        }
        context.forward(record.withValue(outcome));
    }

    private SourceRecord source() {
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        if (metadata == null) {
            return SourceRecord.newBuilder().setTopic("unknown").setPartition(-1).setOffset(-1).build();
        }
        return SourceRecord.newBuilder().setTopic(metadata.topic()).setPartition(metadata.partition())
                .setOffset(metadata.offset()).build();
    }
}
