package io.eventpipe.bench.ceilings;

import io.eventpipe.storage.S3Clients;
import io.eventpipe.storage.S3Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** C5: PUTs of 1 MiB objects straight to the stack's object store, from as many threads as the relay test uses. */
public final class S3Puts {

    public static final int OBJECT_BYTES = 1 << 20;

    private S3Puts() {
    }

    /** Megabytes (MiB) per second over count PUTs from concurrency threads. */
    public static double megabytesPerSecond(S3Settings settings, int count, int concurrency) throws Exception {
        byte[] body = new byte[OBJECT_BYTES];
        new Random(1).nextBytes(body);
        String prefix = "bench/c5/" + System.nanoTime() + "/";
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (S3Client s3 = S3Clients.create(settings)) {
            long start = System.nanoTime();
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = prefix + i;
                puts.add(pool.submit(() -> s3.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromBytes(body))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < count; i++) {
                String key = prefix + i;
                s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
            }
            return count * (OBJECT_BYTES / (double) (1 << 20)) / seconds;
        } finally {
            pool.shutdownNow();
        }
    }
}
