package io.eventpipe.processors.validation;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.processors.metrics.ProcessorsMetrics;
import io.eventpipe.schemas.registry.AvroDeserializer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * events.incoming → validate and hash → events.validated | events.rejected (the DLQ), and a
 * result for every event on events.results, routed to the relay instance that waits for it.
 */
public final class ValidationTopology {

    /** The label configurations (config.labels) and the relay registry (relays.registry), on every instance. */
    static final String LABEL_CONFIGS_STORE = "label-configs";
    static final String RELAYS_STORE = "relays";

    private ValidationTopology() {
    }

    public static Topology build(ProcessorsConfig config, ProcessorsMetrics metrics) {
        return build(config, metrics, Clock.systemUTC());
    }

    public static Topology build(ProcessorsConfig config, ProcessorsMetrics metrics, Clock clock) {
        SchemaRegistryClient registry = SchemaRegistryClient.shared(config.registryUrl());
        EventValidator validator = new EventValidator(config.bucket(), config.capturedMaxFuture(), rootOf(config), clock);
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.CONFIG_LABELS.name(),
                Consumed.with(Serdes.String(), Topics.CONFIG_LABELS.valueSerde(registry)).withName("read-label-configs"),
                Materialized.as(LABEL_CONFIGS_STORE));
        builder.globalTable(Topics.RELAYS_REGISTRY.name(),
                Consumed.with(Serdes.String(), Topics.RELAYS_REGISTRY.valueSerde(registry)).withName("read-relays"),
                Materialized.as(RELAYS_STORE));

        KStream<String, Outcome> outcomes = builder
                .stream(Topics.EVENTS_INCOMING.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-incoming"))
                .processValues(() -> new ValidateProcessor(new AvroDeserializer<>(registry, EventPackage.class), validator, metrics, clock),
                        Named.as("validate"));

        outcomes.filter((key, outcome) -> outcome.hasResult(), Named.as("with-result"))
                .map((key, outcome) -> KeyValue.pair(outcome.eventId(), outcome.result()), Named.as("to-result"))
                .to(Topics.EVENTS_RESULTS.name(), Produced.with(Serdes.String(), Topics.EVENTS_RESULTS.valueSerde(registry))
                        .withStreamPartitioner(new ReplyPartitioner()).withName("write-results"));

        outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.isValid(), Branched.withConsumer(valid -> valid
                        .map((key, outcome) -> KeyValue.<String, ValidatedEvent>pair(outcome.eventId(), outcome.validated()),
                                Named.as("to-validated"))
                        .to(Topics.EVENTS_VALIDATED.name(), Produced.with(Serdes.String(),
                                Topics.EVENTS_VALIDATED.valueSerde(registry)).withName("write-validated")), "valid"))
                .defaultBranch(Branched.withConsumer(rejected -> rejected
                        .map((key, outcome) -> KeyValue.<String, RejectedEvent>pair(outcome.eventId(), outcome.rejected()),
                                Named.as("to-rejected"))
                        .to(Topics.EVENTS_REJECTED.name(), Produced.with(Serdes.String(),
                                Topics.EVENTS_REJECTED.valueSerde(registry)).withName("write-rejected")), "rejected"));

        return builder.build();
    }

    private static X509Certificate rootOf(ProcessorsConfig config) {
        try {
            return Pem.certificate(Files.readString(config.rootCertificate()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the root certificate " + config.rootCertificate() + ": " + e.getMessage(), e);
        }
    }

}
