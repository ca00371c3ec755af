package io.eventpipe.anchor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.anchor.AnchorFixture;
import io.eventpipe.anchor.AnchorSinkApp;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.common.process.Ports;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ./eventpipe verify on receipts the pipeline produced: valid ones pass, every alteration fails with a reason. */
@ExtendWith(RealServers.class)
class VerifyCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsPipelineReceiptsAndRejectsAlteredOnes(TestServers servers, @TempDir Path dir) throws Exception {
        try (AnchorFixture fixture = new AnchorFixture(servers);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of()))) {
            app.start();
            List<String> events = fixture.publish(6);
            fixture.awaitStatus(events, EventStatus.ANCHORED, Duration.ofSeconds(60));
            String rpc = servers.anvil().rpcUrl();
            for (String eventId : events) {
                Path receipt = Files.writeString(dir.resolve(eventId + ".json"), fixture.latest(eventId, EventStatus.ANCHORED)
                        .getReceiptJson());
                Path event = Files.writeString(dir.resolve(eventId + ".event.json"), "{ \"eventId\" : \"" + eventId + "\" }");
                Run valid = verify(receipt.toString(), "--event", event.toString(), "--rpc", rpc);
                assertThat(valid.status()).as(valid.err()).isZero();
                assertThat(valid.out()).contains("VALID", "confirmation");
            }
            String eventId = events.get(0);
            ObjectNode receipt = (ObjectNode) JSON.readTree(fixture.latest(eventId, EventStatus.ANCHORED).getReceiptJson());

            assertThat(verifyAltered(dir, receipt, r -> ((ArrayNode) r.get("auditPath")).set(0, "00".repeat(32)), rpc))
                    .contains("inclusion proof fails");
            assertThat(verifyAltered(dir, receipt, r -> r.put("treeSize", r.get("treeSize").asInt() + 8), rpc)).contains("INVALID");
            assertThat(verifyAltered(dir, receipt, r -> ((ObjectNode) r.get("anchor")).put("blockNumber", 1), rpc))
                    .contains("INVALID");
            assertThat(verifyAltered(dir, receipt, r -> ((ObjectNode) r.get("anchor")).put("contract",
                    "0x000000000000000000000000000000000000dead"), rpc)).contains("no Anchored log");
            assertThat(verifyAltered(dir, receipt, r -> ((ObjectNode) r.get("anchor")).put("chainId", 1), rpc)).contains("chain");
            assertThat(verifyAltered(dir, receipt, r -> r.remove("root"), rpc)).contains("malformed");

            Path good = Files.writeString(dir.resolve("good.json"), receipt.toString());
            Path otherEvent = Files.writeString(dir.resolve("other.json"), "{\"eventId\":\"someone else\"}");
            Run wrongEvent = verify(good.toString(), "--event", otherEvent.toString(), "--rpc", rpc);
            assertThat(wrongEvent.status()).isEqualTo(VerifyCommand.INVALID);
            assertThat(wrongEvent.err()).contains("the receipt is for");
            assertThat(verify(good.toString(), "--rpc", "http://127.0.0.1:" + Ports.free()).status()).isEqualTo(VerifyCommand.UNREACHABLE);
            assertThat(verify().status()).isEqualTo(VerifyCommand.USAGE);
            assertThat(verify(dir.resolve("missing.json").toString(), "--rpc", rpc).status()).isEqualTo(VerifyCommand.USAGE);
        }
    }

    private static String verifyAltered(Path dir, ObjectNode receipt, java.util.function.Consumer<ObjectNode> change, String rpc)
            throws Exception {
        ObjectNode altered = receipt.deepCopy();
        change.accept(altered);
        Path file = Files.writeString(Files.createTempFile(dir, "altered", ".json"), altered.toString());
        Run run = verify(file.toString(), "--rpc", rpc);
        assertThat(run.status()).as(run.out()).isEqualTo(VerifyCommand.INVALID);
        return run.err();
    }
}
