package io.eventpipe.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchState;
import io.eventpipe.anchor.verify.ChainVerifier;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink stopped at each dangerous point, the chain reorganised, transactions dropped or stuck:
 * afterwards every event has exactly one announcement of each kind, its final receipt verifies on
 * the chain, and no root is anchored twice.
 */
@ExtendWith(RealServers.class)
class AnchorFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<Batch> batches(AnchorSinkApp app) throws Exception {
        return app.store().all();
    }

    private static void automine(AnchorFixture fixture, boolean on) {
        assertThat(fixture.anvil().rpc("evm_setAutomine", "[" + on + "]")).contains("\"result\"");
    }

    /** Each event: one ANCHORED and one FINAL result, the final receipt valid on chain; each root anchored once. */
    private static void assertExactlyOnceAndValid(AnchorFixture fixture, List<String> events, String contract) throws Exception {
        fixture.awaitStatus(events, EventStatus.FINAL, TIMEOUT);
        Set<String> roots = new HashSet<>();
        try (ChainClient chain = ChainClient.readOnly(fixture.anvil().rpcUrl())) {
            for (String eventId : events) {
                List<EventResult> results = fixture.results().get(eventId);
                assertThat(results.stream().filter(r -> r.getStatus() == EventStatus.FINAL)).as("FINAL of %s", eventId).hasSize(1);
                Receipt receipt = Receipt.fromJson(JSON.readTree(fixture.latest(eventId, EventStatus.FINAL).getReceiptJson()));
                ChainVerifier.verify(receipt, chain);
                roots.add(receipt.root());
            }
            for (String root : roots) {
                assertThat(chain.anchoredLogs(contract, Hex.decode(root), 0, chain.headNumber())).as("anchors of %s", root).hasSize(1);
            }
        }
    }

    @Test
    void stoppedAfterPersistingBeforeSending(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers)) {
            List<String> events;
            String contract;
            // an anchorer that looks once at start (nothing yet) and then not for an hour: batches are only persisted
            try (AnchorSinkApp first = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_ANCHOR_POLL", "1h")))) {
                first.start();
                contract = first.contract();
                events = fixture.publish(12);
                Await.until("both batches persisted", TIMEOUT, () -> count(first, BatchState.BUILT) == 2);
            }
            try (AnchorSinkApp second = new AnchorSinkApp(fixture.config(Map.of()))) {
                second.start();
                assertThat(second.contract()).isEqualTo(contract);
                assertExactlyOnceAndValid(fixture, events, contract);
                assertThat(fixture.results().values().stream().flatMap(List::stream)
                        .filter(r -> r.getStatus() == EventStatus.ANCHORED)).hasSize(12);
            }
        }
    }

    @Test
    void stoppedAfterSendingBeforeTheReceiptAndTheTransactionDropped(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers)) {
            List<String> events;
            String contract;
            try (AnchorSinkApp first = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_ANCHOR_STUCK_AFTER", "1h")))) {
                automine(fixture, false); // after the contract is deployed
                first.start();
                contract = first.contract();
                events = fixture.publish(5);
                Await.until("the batch sent", TIMEOUT, () -> count(first, BatchState.SUBMITTED) == 1);
                // the node forgets it, as if the process had died before broadcasting or the pool had dropped it
                String txHash = batches(first).get(0).txHash();
                assertThat(fixture.anvil().rpc("anvil_dropTransaction", "[\"" + txHash + "\"]")).contains("\"result\"");
            } finally {
                automine(fixture, true);
            }
            try (AnchorSinkApp second = new AnchorSinkApp(fixture.config(Map.of()))) {
                second.start();
                assertExactlyOnceAndValid(fixture, events, contract);
            }
        }
    }

    @Test
    void stoppedWhileConfirming(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers)) {
            List<String> events = fixture.publish(7);
            String contract;
            try (AnchorSinkApp first = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_CONFIRMATIONS", "50")))) {
                first.start();
                contract = first.contract();
                fixture.awaitStatus(events, EventStatus.ANCHORED, TIMEOUT);
            }
            fixture.anvil().rpc("anvil_mine", "[\"0x5\"]");
            try (AnchorSinkApp second = new AnchorSinkApp(fixture.config(Map.of()))) {
                second.start();
                assertExactlyOnceAndValid(fixture, events, contract);
                for (String eventId : events) {
                    assertThat(fixture.results().get(eventId).stream().filter(r -> r.getStatus() == EventStatus.ANCHORED)).hasSize(1);
                }
            }
        }
    }

    @Test
    void aStuckTransactionIsReplacedWithHigherFees(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers)) {
            try (AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_ANCHOR_STUCK_AFTER", "1s")))) {
                automine(fixture, false); // after the contract is deployed
                app.start();
                List<String> events = fixture.publish(3);
                Await.until("a replacement sent", TIMEOUT, () -> {
                    try {
                        List<Batch> all = batches(app);
                        return all.size() == 1 && app.store().transactions(all.get(0).batchId()).size() >= 2;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                var sent = app.store().transactions(batches(app).get(0).batchId());
                assertThat(sent.get(0).nonce()).isEqualTo(sent.get(1).nonce());
                assertThat(sent.get(0).maxFeePerGas()).isGreaterThan(sent.get(1).maxFeePerGas());
                automine(fixture, true);
                fixture.anvil().rpc("anvil_mine", "[\"0x1\"]");
                assertExactlyOnceAndValid(fixture, events, app.contract());
            } finally {
                automine(fixture, true);
            }
        }
    }

    @Test
    void aReorgThatUndoesTheInclusionIsSurvived(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_CONFIRMATIONS", "30")))) {
            String snapshot = JSON.readTree(fixture.anvil().rpc("evm_snapshot")).get("result").asText();
            app.start();
            List<String> events = fixture.publish(4);
            Await.until("the batch included", TIMEOUT, () -> count(app, BatchState.INCLUDED) == 1);
            String firstBlockHash = batches(app).get(0).blockHash();
            fixture.awaitStatus(events, EventStatus.ANCHORED, TIMEOUT);

            assertThat(fixture.anvil().rpc("evm_revert", "[\"" + snapshot + "\"]")).contains("true");
            fixture.anvil().rpc("anvil_mine", "[\"0x3\"]");
            assertExactlyOnceAndValid(fixture, events, app.contract());
            Batch batch = batches(app).get(0);
            assertThat(batch.reorgs()).isGreaterThanOrEqualTo(1);
            assertThat(batch.blockHash()).isNotEqualTo(firstBlockHash);
            for (String eventId : events) {
                // announced twice as ANCHORED (one per inclusion), the latest for the canonical block
                Receipt latest = Receipt.fromJson(JSON.readTree(fixture.latest(eventId, EventStatus.ANCHORED).getReceiptJson()));
                assertThat(latest.anchor().blockHash()).isEqualTo(batch.blockHash());
            }
        }
    }

    @Test
    void aChainThatForgotAFinalBatchGetsItAnchoredAgain(TestServers servers) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers)) {
            List<String> events;
            String contract;
            String snapshot;
            try (AnchorSinkApp first = new AnchorSinkApp(fixture.config(Map.of()))) {
                contract = first.contract();
                snapshot = JSON.readTree(fixture.anvil().rpc("evm_snapshot")).get("result").asText();
                first.start();
                events = fixture.publish(5);
                fixture.awaitStatus(events, EventStatus.FINAL, TIMEOUT);
            }
            // deeper than any confirmation count: the chain as it was before the anchors
            assertThat(fixture.anvil().rpc("evm_revert", "[\"" + snapshot + "\"]")).contains("true");
            try (AnchorSinkApp second = new AnchorSinkApp(fixture.config(Map.of()))) {
                second.start();
                Await.until("the lost batch anchored again", TIMEOUT, () -> {
                    fixture.anvil().rpc("anvil_mine", "[\"0x1\"]");
                    try {
                        List<Batch> all = batches(second);
                        return all.stream().allMatch(b -> b.reorgs() > 0 && b.state() == BatchState.FINAL);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (ChainClient chain = ChainClient.readOnly(fixture.anvil().rpcUrl())) {
                    for (String eventId : events) {
                        // the batch is FINAL in the store a moment before its new FINAL result is read back:
                        // until then the latest FINAL is the one of the forgotten chain
                        Receipt receipt = Await.value("the FINAL receipt of the new anchoring of " + eventId, TIMEOUT, () -> {
                            try {
                                Receipt latest = Receipt.fromJson(JSON.readTree(fixture.latest(eventId, EventStatus.FINAL)
                                        .getReceiptJson()));
                                ChainVerifier.verify(latest, chain);
                                return latest;
                            } catch (Exception e) {
                                return null;
                            }
                        });
                        assertThat(chain.anchoredLogs(contract, Hex.decode(receipt.root()), 0, chain.headNumber())).hasSize(1);
                    }
                }
            }
        }
    }

    private static long count(AnchorSinkApp app, BatchState state) {
        try {
            return batches(app).stream().filter(b -> b.state() == state).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
