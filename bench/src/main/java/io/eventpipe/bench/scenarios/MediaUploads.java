package io.eventpipe.bench.scenarios;

import io.eventpipe.bench.load.BenchDevices;
import io.eventpipe.common.crypto.Sha256;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * S5: photos through the relay to the object store (streamed in parts while hashed), several at
 * once; the relay's heap is sampled meanwhile to tell what one upload in flight costs it.
 */
public final class MediaUploads {

    public static final int PHOTO_BYTES = 5 << 20;
    private static final String RELAY = "ingress-relay";

    private MediaUploads() {
    }

    /** Throughput and the relay's heap: before (idle) and the highest seen while uploads were in flight. */
    public record Result(double megabytesPerSecond, int uploads, int concurrency, double idleHeapMib, double peakHeapMib) {
        public double heapPerUploadMib() {
            return Math.max(0, peakHeapMib - idleHeapMib) / concurrency;
        }
    }

    public static Result run(BenchDevices devices, String relayMetricsUrl, int uploads, int concurrency) throws Exception {
        List<byte[]> photos = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        Random random = new Random(System.nanoTime());
        for (int i = 0; i < uploads; i++) {
            byte[] photo = new byte[PHOTO_BYTES];
            random.nextBytes(photo);
            photos.add(photo);
            digests.add(Sha256.hex(photo));
        }
        double idle = MemorySampler.heapMib(relayMetricsUrl);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (MemorySampler relayHeap = new MemorySampler(Map.of(), Map.of(RELAY, relayMetricsUrl))) {
            long start = System.nanoTime();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                byte[] photo = photos.get(i);
                String path = "/v1/media/" + digests.get(i);
                var device = devices.device(i);
                answers.add(pool.submit(() -> device.send("PUT", path, photo, "image/jpeg", Instant.now())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                int status = answer.get().statusCode();
                if (status != 201 && status != 200) {
                    throw new IllegalStateException("an upload answered " + status + ": " + answer.get().body());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = Math.max(idle, relayHeap.peaks().get(RELAY).heapMib());
            return new Result(uploads * (PHOTO_BYTES / (double) (1 << 20)) / seconds, uploads, concurrency, idle, peak);
        } finally {
            pool.shutdownNow();
        }
    }
}
