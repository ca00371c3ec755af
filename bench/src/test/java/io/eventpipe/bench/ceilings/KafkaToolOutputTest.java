package io.eventpipe.bench.ceilings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaToolOutputTest {

    @Test
    void producerSummaryIsTheLastLineWithPercentiles() {
        String output = """
                51234 records sent, 10246.8 records/sec (10.01 MB/sec), 812.3 ms avg latency, 1500.0 ms max latency.
                200000 records sent, 48123.5 records/sec (46.99 MB/sec), 420.55 ms avg latency, 1510.00 ms max latency, \
                380 ms 50th, 900 ms 95th, 1200 ms 99th, 1490 ms 99.9th.
                """;
        KafkaToolOutput.Produced produced = KafkaToolOutput.producer(output);
        assertThat(produced.records()).isEqualTo(200_000);
        assertThat(produced.recordsPerSecond()).isEqualTo(48123.5);
        assertThat(produced.megabytesPerSecond()).isEqualTo(46.99);
        assertThat(produced.avgLatencyMs()).isEqualTo(420.55);
        assertThat(produced.p99LatencyMs()).isEqualTo(1200);
    }

    @Test
    void consumerFiguresByColumnName() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, \
                fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-24 15:00:00:000, 2026-11-24 15:00:04:000, 195.3125, 48.8281, 200000, 50000.0000, 3000, 1000, 195.3125, 200000.0000
                """;
        KafkaToolOutput.Consumed consumed = KafkaToolOutput.consumer(output);
        assertThat(consumed.records()).isEqualTo(200_000);
        assertThat(consumed.megabytesPerSecond()).isEqualTo(48.8281);
        assertThat(consumed.fetchRecordsPerSecond()).isEqualTo(200_000.0);
    }

    @Test
    void aNegativeFetchRateFallsBackToTheOverallRate() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, \
                fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-24 15:00:00:000, 2026-11-24 15:00:01:000, 19.5312, 19.5312, 20000, 20000.0000, 3000, -2000, -0.0098, -10.0000
                """;
        assertThat(KafkaToolOutput.consumer(output).fetchRecordsPerSecond()).isEqualTo(20_000.0);
    }

    @Test
    void endToEndLatencyLines() {
        String output = "Avg latency: 2.3456 ms\nPercentiles: 50th = 2, 99th = 5, 99.9th = 11\n";
        KafkaToolOutput.EndToEnd latency = KafkaToolOutput.endToEnd(output);
        assertThat(latency.avgMs()).isEqualTo(2.3456);
        assertThat(latency.p50Ms()).isEqualTo(2);
        assertThat(latency.p99Ms()).isEqualTo(5);
        assertThat(latency.p999Ms()).isEqualTo(11);
    }

    @Test
    void outputWithoutTheFiguresIsRefusedWithWhatWasPrinted() {
        assertThatThrownBy(() -> KafkaToolOutput.producer("Exception in thread main")).hasMessageContaining("Exception in thread main");
        assertThatThrownBy(() -> KafkaToolOutput.consumer("nothing")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaToolOutput.endToEnd("Avg latency: 1 ms")).isInstanceOf(IllegalArgumentException.class);
    }
}
