package io.eventpipe.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Media objects this process has seen stored, by digest, with their size. Media are content
 * addressed and never rewritten, so a positive answer stays true and saves a HEAD request per cited
 * photo (a tenth of the relay's and the archive's work per event, docs/benchmarks.md); absence is
 * never cached, since an upload may land at any moment. Bounded: the least recently used go first.
 */
public final class KnownMedia {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Long> sizes;

    public KnownMedia(int capacity) {
        this.sizes = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Long> size(String sha256) {
        return Optional.ofNullable(sizes.get(sha256));
    }

    public synchronized void remember(String sha256, long size) {
        sizes.put(sha256, size);
    }

    public synchronized int count() {
        return sizes.size();
    }
}
