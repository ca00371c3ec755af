package io.eventpipe.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void eventsAreFiledUnderTheUtcDayTheyWereReceived() {
        // 23:30 at UTC-5 is already the next day in UTC
        Instant received = Instant.parse("2026-03-01T04:30:00Z");
        assertThat(ObjectKeys.event(ID, received)).isEqualTo("events/2026/03/01/" + ID + ".json");
        assertThat(ObjectKeys.eventMeta(ID, received)).isEqualTo("events/2026/03/01/" + ID + ".meta.json");
    }

    @Test
    void receiptsAndMediaFollowTheContract() {
        String sha = "a".repeat(64);
        assertThat(ObjectKeys.receipt(ID)).isEqualTo("receipts/" + ID + ".json");
        assertThat(ObjectKeys.media(sha)).isEqualTo("media/" + sha);
    }

    @Test
    void keysCannotBeSteeredOutOfTheirPrefix() {
        assertThatThrownBy(() -> ObjectKeys.event("../../etc/passwd", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.receipt(ID + "/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.media("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.media("a".repeat(63) + "/")).isInstanceOf(IllegalArgumentException.class);
    }
}
