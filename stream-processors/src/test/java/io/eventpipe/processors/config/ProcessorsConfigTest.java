package io.eventpipe.processors.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorsConfigTest {

    @Test
    void defaultsMatchTheLocalStackAndEnvironmentOverrides() {
        ProcessorsConfig config = ProcessorsConfig.load(null, Map.of("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "EVENTPIPE_STREAMS_THREADS", "4"));
        assertThat(config.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.registryUrl()).isEqualTo("http://127.0.0.1:8085/apis/ccompat/v7");
        assertThat(config.capturedMaxFuture()).isEqualTo(Duration.ofMinutes(10));
    }
}
