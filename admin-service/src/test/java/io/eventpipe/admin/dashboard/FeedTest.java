package io.eventpipe.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.ChainAnchor;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static FeedItem event(String id, String relay, Instant at) {
        return FeedItem.of(1, EventPackage.newBuilder().setEventId(id).setDeviceId("dev-a").setRelayId(relay).setReceivedAt(at)
                .setEventHash("ab").setContentType("application/json").setBody(ByteBuffer.allocate(0)).build());
    }

    private static FeedItem rejection(String id, String relay, String... reasons) {
        return FeedItem.of(2, RejectedEvent.newBuilder().setEventId(id).setRelayId(relay).setRejectedAt(T0)
                .setReasons(java.util.Arrays.stream(reasons).map(r -> new RejectionReason(r, null, "m")).toList()).build());
    }

    private static FeedItem receipt(String id, Instant at, boolean fin) {
        return FeedItem.of(3, AnchorReceipt.newBuilder().setVersion(1).setEventId(id).setEventHash("ab").setLeafIndex(0).setTreeSize(1)
                .setAuditPath(List.of()).setRoot("cd").setBatchId("b").setAnchor(new ChainAnchor(1L, "c", "t", 1L, "h"))
                .setConfirmations(0).setFinal$(fin).build(), at);
    }

    @Test
    void filtersCombineAndEmptyMatchesAll() throws Exception {
        FeedFilter filter = FeedFilter.fromQuery(Map.of("kind", "rejection", "relayId", "r1", "reason", "missing_label"));
        assertThat(filter.matches(rejection("e1", "r1", "MISSING_LABEL"))).isTrue();
        assertThat(filter.matches(rejection("e1", "r2", "MISSING_LABEL"))).isFalse();
        assertThat(filter.matches(rejection("e1", "r1", "BAD_VALUE"))).isFalse();
        assertThat(filter.matches(event("e1", "r1", T0))).isFalse();
        assertThat(FeedFilter.fromQuery(Map.of("q", "E-42")).matches(event("e-42", "r9", T0))).isTrue();
        assertThat(FeedFilter.fromQuery(Map.of()).matches(receipt("x", T0, true))).isTrue();
        var receipt = receipt("x", T0, true).json().get("receipt");
        assertThat(receipt.get("root").asText()).isEqualTo("cd");
        assertThat(receipt.get("anchor").get("txHash").asText()).isEqualTo("t");
        assertThat(receipt.has("auditPath")).isTrue();
        assertThatThrownBy(() -> FeedFilter.fromQuery(Map.of("kind", "gossip"))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> FeedFilter.fromQuery(Map.of("q", "x".repeat(201)))).isInstanceOf(ApiProblem.class);
    }

    @Test
    void theSummaryCountsRatesReasonsAndAnchorLatency() {
        FeedSummary summary = new FeedSummary(T0);
        for (int i = 0; i < 30; i++) {
            summary.add(event("e" + i, i % 3 == 0 ? "r1" : "r2", T0.plusSeconds(i)));
        }
        summary.add(event("old", "r1", T0.minusSeconds(600)));
        summary.add(rejection("x", "r1", "MISSING_LABEL", "BAD_VALUE"));
        summary.add(rejection("y", "r1", "MISSING_LABEL"));
        summary.add(receipt("e0", T0.plusSeconds(4), false));
        summary.add(receipt("e1", T0.plusSeconds(3), false));
        summary.add(receipt("e1", T0.plusSeconds(40), true));
        var snapshot = summary.snapshot(T0.plusSeconds(30));
        assertThat(snapshot.get("events").asLong()).isEqualTo(31);
        assertThat(snapshot.get("eventsPerSecond").asDouble()).isEqualTo(0.5);
        assertThat(snapshot.get("relays").get("r1").get("events").asLong()).isEqualTo(11);
        assertThat(snapshot.get("relays").get("r2").get("eventsPerSecond").asDouble()).isEqualTo(20 / 60.0);
        assertThat(snapshot.get("rejectionsByReason").get("MISSING_LABEL").asLong()).isEqualTo(2);
        assertThat(snapshot.get("anchorLatencyMs").get("samples").asInt()).as("FINAL receipts are not a second anchoring").isEqualTo(2);
        assertThat(snapshot.get("anchorLatencyMs").get("max").asLong()).isEqualTo(4000);
        assertThat(snapshot.get("anchorLatencyMs").get("p50").asLong()).isEqualTo(2000);
    }
}
