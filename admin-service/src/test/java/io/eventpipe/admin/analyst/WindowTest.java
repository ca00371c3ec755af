package io.eventpipe.admin.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.admin.http.ApiProblem;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Window json(String text) throws Exception {
        return Window.fromJson(JSON.readTree(text));
    }

    @Test
    void aTimeWindowOrOffsetRangesOrEverything() throws Exception {
        Window time = json("{\"from\":\"2026-11-24T09:00:00Z\",\"to\":\"2026-11-24T10:00:00Z\"}");
        assertThat(time.byOffsets()).isFalse();
        assertThat(time.from()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        Window offsets = json("{\"offsets\":{\"0\":{\"from\":3,\"to\":9},\"2\":{\"from\":5}}}");
        assertThat(offsets.offsets()).containsEntry(0, new Window.OffsetRange(3L, 9L)).containsEntry(2, new Window.OffsetRange(5L, null));
        Window all = json("{}");
        assertThat(all.from()).isNull();
        assertThat(all.to()).isNull();
        assertThat(Window.fromQuery(Map.of("partition", "1", "fromOffset", "4")).offsets())
                .containsExactly(Map.entry(1, new Window.OffsetRange(4L, null)));
    }

    @Test
    void nonsenseIsNamed() {
        for (String bad : new String[] {"{\"from\":\"noon\"}", "{\"from\":\"2026-11-24T10:00:00Z\",\"to\":\"2026-11-24T09:00:00Z\"}",
                "{\"offsets\":{}}", "{\"offsets\":{\"-1\":{}}}", "{\"offsets\":{\"x\":{}}}", "{\"offsets\":{\"0\":{\"from\":9,\"to\":3}}}",
                "{\"offsets\":{\"0\":{\"from\":-2}}}", "{\"offsets\":{\"0\":{}},\"from\":\"2026-11-24T10:00:00Z\"}"}) {
            assertThatThrownBy(() -> json(bad)).as(bad).isInstanceOf(ApiProblem.class)
                    .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(422));
        }
        assertThatThrownBy(() -> Window.fromQuery(Map.of("partition", "0", "toOffset", "many")))
                .isInstanceOf(ApiProblem.class);
    }
}
