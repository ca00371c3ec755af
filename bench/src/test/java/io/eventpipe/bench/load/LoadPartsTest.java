package io.eventpipe.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadPartsTest {

    @Test
    void eventsAreOneKibibyteOfValidJsonCitingThePhoto() throws Exception {
        String json = BenchDevices.eventJson("0b6c7d5e-1111-4222-8333-944455556666", "ab".repeat(32));
        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(BenchDevices.EVENT_BYTES);
        var event = new ObjectMapper().readTree(json);
        assertThat(event.get("media").get(0).get("sha256").textValue()).isEqualTo("ab".repeat(32));
        assertThat(event.get("labelConfig").get("id").textValue()).isEqualTo("field-observation");
    }

    @Test
    void percentilesByNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i; // unsorted on purpose
        }
        Latencies latencies = new Latencies(values);
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.percentile(100)).isEqualTo(100);
        assertThat(new Latencies(new double[0]).percentile(50)).isNaN();
    }
}
