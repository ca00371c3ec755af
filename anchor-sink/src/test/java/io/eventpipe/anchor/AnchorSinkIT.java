package io.eventpipe.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.verify.ChainVerifier;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** Validated events in, receipts out: batched, anchored once per root, announced ANCHORED then FINAL, verifiable on the chain. */
@ExtendWith(RealServers.class)
class AnchorSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventGetsOneReceiptThatVerifiesOnTheChain(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of()));
             ChainClient chain = ChainClient.readOnly(servers.anvil().rpcUrl());
             S3Client s3 = servers.s3().newClient()) {
            app.start();
            List<String> events = fixture.publish(25);
            fixture.awaitStatus(events, EventStatus.ANCHORED, Duration.ofSeconds(60));
            fixture.awaitStatus(events, EventStatus.FINAL, Duration.ofSeconds(60));

            Set<String> roots = new HashSet<>();
            for (String eventId : events) {
                Receipt receipt = Receipt.fromJson(JSON.readTree(fixture.latest(eventId, EventStatus.FINAL).getReceiptJson()));
                assertThat(receipt.eventId()).isEqualTo(eventId);
                assertThat(receipt.anchor().contract()).isEqualToIgnoringCase(app.contract());
                assertThat(ChainVerifier.verify(receipt, chain).confirmations()).isGreaterThanOrEqualTo(3);
                String stored = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key("receipts/" + eventId + ".json")).asUtf8String();
                assertThat(Receipt.fromJson(JSON.readTree(stored))).isEqualTo(receipt);
                roots.add(receipt.root());
            }
            // 25 events in batches of at most 10; each root anchored by exactly one log
            assertThat(roots).hasSizeBetween(3, 25);
            for (String root : roots) {
                assertThat(chain.anchoredLogs(app.contract(), Hex.decode(root), 0, chain.headNumber())).hasSize(1);
            }
            Map<String, AnchorReceipt> topic = fixture.receiptsTopic(events);
            assertThat(topic).hasSize(25).allSatisfy((id, receipt) -> {
                assertThat(receipt.getFinal$()).isTrue();
                assertThat(receipt.getConfirmations()).isGreaterThanOrEqualTo(3);
            });
            URI metricsUri = URI.create("http://127.0.0.1:" + app.managementPort() + "/metrics");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metricsUri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("eventpipe_anchor_batch_size_count", "eventpipe_anchor_gas_per_event", "eventpipe_anchor_latency",
                    "eventpipe_anchor_fee_paid_gwei_total", "eventpipe_anchor_leaves_pending 0.0", "eventpipe_anchor_reorgs_total 0.0");
        }
    }
}
