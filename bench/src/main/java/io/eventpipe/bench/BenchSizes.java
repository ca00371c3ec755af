package io.eventpipe.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** How much each step sends: the full run, or a quick smoke run of the same code. */
public record BenchSizes(boolean quick, int kafkaRecords, int latencySamples, int s3Puts, int devices, int warmupEvents,
                         int closedLoopEvents,
                         int concurrency, double openLoopSeconds, int uploads, int uploadConcurrency) {

    public static BenchSizes full() {
        return new BenchSizes(false, 200_000, 3_000, 120, 32, 3_000, 6_000, 48, 20, 24, 6);
    }

    public static BenchSizes smoke() {
        return new BenchSizes(true, 20_000, 300, 20, 8, 300, 600, 16, 4, 6, 6);
    }

    /** The settings as the report lists them. */
    public Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("run", quick ? "quick (smoke)" : "full");
        settings.put("C1", String.format("%,d records of 1 KiB, acks=all; end-to-end latency over %,d records", kafkaRecords,
                latencySamples));
        settings.put("C2", "pass-through Kafka Streams topology, exactly-once v2, 1 thread, 50 ms commits, over S2's records");
        settings.put("C3, C4, S3", "JMH, 1 fork, single thread (C4: one thread per core)");
        settings.put("C5", String.format("%d PUTs of 1 MiB, %d at once", s3Puts, uploadConcurrency));
        settings.put("S1", String.format("%d devices; %,d events to warm the services' JIT up (not counted), then %,d signed 1 KiB"
                + " events with %d in flight (closed loop), then %.0f s at half that rate (open loop); each request answered with"
                + " the processors' result", devices, warmupEvents, closedLoopEvents, concurrency, openLoopSeconds));
        settings.put("S2", "S1's event packages written again to events.incoming at once; validated + rejected counted");
        settings.put("S4", "anchor transactions of batches of 1, 1,000 and 100,000 on anvil; validation to ANCHORED of S1's events"
                + " (local stack: batches of up to 10,000 or 2 s)");
        settings.put("S5", String.format("%d photos of 5 MiB through the relay, %d at once", uploads, uploadConcurrency));
        settings.put("stack", "the local stack of ./eventpipe dev on free ports, fresh data; relay rate limits raised so that the relay's"
                + " capacity is measured, not its policy");
        return settings;
    }
}
