package io.eventpipe.bench.ceilings;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * C2: a Kafka Streams topology that copies its input to its output unchanged, with the stream
 * processors' own settings (exactly-once v2, one thread, 50 ms commits, no linger), so that the
 * ratio S2/C2 is what validation costs on top of Streams itself.
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    public static Topology build(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    public static KafkaStreams start(String bootstrapServers, String applicationId, String input, String output,
                                     java.nio.file.Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.producerPrefix("linger.ms"), 0);
        KafkaStreams streams = new KafkaStreams(build(input, output), props);
        streams.start();
        return streams;
    }
}
