package io.eventpipe.common.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.common.merkle.InclusionProof;
import io.eventpipe.common.merkle.MerkleHasher;
import io.eventpipe.common.merkle.MerkleTree;
import io.eventpipe.common.merkle.MerkleVerifier;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The known answers the PWAs are tested against too (pwa/test): the Java side must give the
 * very same results, so that a browser and a service never disagree on a hash, a proof or a
 * signature.
 */
class SharedVectorsTest {

    private static JsonNode vectors;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SharedVectorsTest.class.getResourceAsStream("/vectors/crypto-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sha256() {
        vectors.get("sha256").forEach(v -> assertThat(Sha256.hex(utf8(v.get("utf8").asText()))).isEqualTo(v.get("hex").asText()));
    }

    @Test
    void canonicalJsonAndEventHash() throws Exception {
        for (JsonNode v : vectors.get("jcs")) {
            byte[] canonical = Jcs.canonicalize(utf8(v.get("input").asText()));
            assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(v.get("canonical").asText());
            if (v.has("sha256")) {
                assertThat(Sha256.hex(canonical)).isEqualTo(v.get("sha256").asText());
            }
        }
    }

    @Test
    void merkleRootsAndInclusion() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        vectors.get("merkle").get("leaves").forEach(leaf -> leaves.add(Hex.decode(leaf.asText())));
        JsonNode roots = vectors.get("merkle").get("roots");
        for (int size = 1; size <= leaves.size(); size++) {
            assertThat(Hex.encode(MerkleTree.ofLeaves(leaves.subList(0, size)).root())).isEqualTo(roots.get(size - 1).asText());
        }
        for (JsonNode v : vectors.get("merkle").get("inclusion")) {
            List<byte[]> path = new ArrayList<>();
            v.get("auditPath").forEach(node -> path.add(Hex.decode(node.asText())));
            int index = v.get("leafIndex").asInt();
            int size = v.get("treeSize").asInt();
            MerkleVerifier.verifyInclusion(MerkleHasher.leafHash(leaves.get(index)), new InclusionProof(index, size, path),
                    Hex.decode(roots.get(size - 1).asText()));
        }
    }

    @Test
    void httpSignatureOfRfc9421() throws Exception {
        JsonNode v = vectors.get("httpsig");
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(v.get("privateKeyPkcs8Base64").asText())));
        assertThat(Base64.getEncoder().encodeToString(Ed25519.sign(key, utf8(v.get("signatureBase").asText()))))
                .isEqualTo(v.get("signatureBase64").asText());
    }

    @Test
    void proofOfWork() {
        JsonNode v = vectors.get("pow");
        byte[] digest = Sha256.digest(utf8(v.get("challenge").asText() + ":" + v.get("nonce").asText()));
        assertThat(Hex.encode(digest)).isEqualTo(v.get("digest").asText());
        assertThat(leadingZeroBits(digest)).isEqualTo(v.get("leadingZeroBits").asInt());
        assertThat(Sha256.hex(utf8(v.get("challenge").asText() + ":0"))).isEqualTo(v.get("nonceZeroDigest").asText());
    }

    private static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }
}
