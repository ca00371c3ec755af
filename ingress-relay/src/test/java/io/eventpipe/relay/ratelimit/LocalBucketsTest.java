package io.eventpipe.relay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalBucketsTest {

    private final LocalBuckets buckets = new LocalBuckets();
    private final Limit sixPerMinute = new Limit("t", 6, 2);

    @Test
    void burstThenRefillAtTheRate() {
        assertThat(buckets.take("k", sixPerMinute, 0).allowed()).isTrue();
        assertThat(buckets.take("k", sixPerMinute, 0).allowed()).isTrue();
        Decision refused = buckets.take("k", sixPerMinute, 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10); // one token every 10 s
        assertThat(buckets.take("k", sixPerMinute, 9_999).allowed()).isFalse();
        assertThat(buckets.take("k", sixPerMinute, 10_000).allowed()).isTrue();
    }

    @Test
    void keysAreIndependentAndRefillIsCappedAtTheBurst() {
        buckets.take("a", sixPerMinute, 0);
        buckets.take("a", sixPerMinute, 0);
        assertThat(buckets.take("b", sixPerMinute, 0).allowed()).isTrue();
        long hourLater = 3_600_000;
        assertThat(buckets.take("a", sixPerMinute, hourLater).allowed()).isTrue();
        assertThat(buckets.take("a", sixPerMinute, hourLater).allowed()).isTrue();
        assertThat(buckets.take("a", sixPerMinute, hourLater).allowed()).isFalse();
    }
}
