package io.eventpipe.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownMediaTest {

    @Test
    void remembersSizesAndForgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        KnownMedia known = new KnownMedia(2);
        assertThat(known.size("a")).isEmpty();
        known.remember("a", 1);
        known.remember("b", 2);
        assertThat(known.size("a")).contains(1L); // a is now the most recently used
        known.remember("c", 3);
        assertThat(known.size("b")).isEmpty();
        assertThat(known.size("a")).contains(1L);
        assertThat(known.size("c")).contains(3L);
        assertThat(known.count()).isEqualTo(2);
    }
}
