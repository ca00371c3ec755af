package io.eventpipe.common.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.common.merkle.InclusionProof;
import io.eventpipe.common.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Receipt.Anchor ANCHOR = new Receipt.Anchor(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "0x" + "ab".repeat(32), 42, "0x" + "cd".repeat(32));

    private final List<String> events = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();

    ReceiptVerifierTest() throws Exception {
        for (int i = 0; i < 5; i++) {
            String event = "{\"eventId\":\"e" + i + "\",\"note\":\"n\u00e9 " + i + "\"}";
            events.add(event);
            hashes.add(Hex.decode(EventHash.of(Jcs.parse(event.getBytes(StandardCharsets.UTF_8))).hashHex()));
        }
    }

    private Receipt receiptFor(int index) {
        MerkleTree tree = MerkleTree.ofLeaves(hashes);
        InclusionProof proof = tree.inclusionProof(index);
        return new Receipt(1, "e" + index, Hex.encode(hashes.get(index)), index, tree.size(),
                proof.auditPath().stream().map(Hex::encode).toList(), Hex.encode(tree.root()), "batch-1", ANCHOR);
    }

    @Test
    void aReceiptVerifiesOfflineAndSurvivesItsJson() throws Exception {
        Receipt receipt = receiptFor(3);
        Receipt back = Receipt.fromJson(JSON.readTree(receipt.toJson().toString()));
        assertThat(back).isEqualTo(receipt);
        assertThatCode(() -> ReceiptVerifier.verifyProof(back)).doesNotThrowAnyException();
        assertThatCode(() -> ReceiptVerifier.verifyEvent(back, events.get(3).getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        // the same event in another key order and spacing is the same event (RFC 8785)
        String reordered = "{ \"note\": \"n\u00e9 3\", \"eventId\": \"e3\" }";
        assertThatCode(() -> ReceiptVerifier.verifyEvent(back, reordered.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void anotherEventOrATamperedReceiptIsRefused() throws Exception {
        Receipt receipt = receiptFor(1);
        assertThatThrownBy(() -> ReceiptVerifier.verifyEvent(receipt, events.get(2).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("the receipt is for");
        Receipt otherIndex = new Receipt(1, receipt.eventId(), receipt.eventHash(), 2, receipt.treeSize(), receipt.auditPath(),
                receipt.root(), receipt.batchId(), ANCHOR);
        assertThatThrownBy(() -> ReceiptVerifier.verifyProof(otherIndex)).hasMessageContaining("inclusion proof fails");
        Receipt otherRoot = new Receipt(1, receipt.eventId(), receipt.eventHash(), 1, receipt.treeSize(), receipt.auditPath(),
                "00".repeat(32), receipt.batchId(), ANCHOR);
        assertThatThrownBy(() -> ReceiptVerifier.verifyProof(otherRoot)).hasMessageContaining("another root");
        Receipt upperCase = new Receipt(1, receipt.eventId(), receipt.eventHash().toUpperCase(), 1, receipt.treeSize(),
                receipt.auditPath(), receipt.root(), receipt.batchId(), ANCHOR);
        assertThatThrownBy(() -> ReceiptVerifier.verifyProof(upperCase)).hasMessageContaining("eventHash must be");
        Receipt version2 = new Receipt(2, receipt.eventId(), receipt.eventHash(), 1, receipt.treeSize(), receipt.auditPath(),
                receipt.root(), receipt.batchId(), ANCHOR);
        assertThatThrownBy(() -> ReceiptVerifier.verifyProof(version2)).hasMessageContaining("version");
    }

    @Test
    void malformedReceiptJsonNamesTheField() throws Exception {
        ObjectNode json = receiptFor(0).toJson();
        json.remove("root");
        assertThatThrownBy(() -> Receipt.fromJson(json)).hasMessageContaining("root");
        ObjectNode badIndex = receiptFor(0).toJson().put("leafIndex", "zero");
        assertThatThrownBy(() -> Receipt.fromJson(badIndex)).hasMessageContaining("leafIndex must be an integer");
        ObjectNode badPath = receiptFor(0).toJson().put("auditPath", "x");
        assertThatThrownBy(() -> Receipt.fromJson(badPath)).hasMessageContaining("auditPath");
    }
}
