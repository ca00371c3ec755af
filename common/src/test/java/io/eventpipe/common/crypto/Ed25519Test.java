package io.eventpipe.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    /** RFC 8032 section 7.1, TEST 1: the public key of the secret key 9d61...7f60. */
    @Test
    void rawPublicKeysRoundTrip() {
        byte[] raw = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Ed25519.raw(Ed25519.publicKey(raw))).isEqualTo(raw);
    }

    /** RFC 8032 section 7.1, TEST 1: the signature of the empty message verifies; a changed one does not. */
    @Test
    void rfc8032Vector() {
        var key = Ed25519.publicKey(Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] signature = Hex.decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(key, new byte[0], signature)).isTrue();
        signature[0] ^= 1;
        assertThat(Ed25519.verify(key, new byte[0], signature)).isFalse();
    }

    @Test
    void signAndVerifyAndRefuseGarbage() {
        KeyPair keys = Ed25519.generate();
        byte[] message = "challenge".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(keys.getPrivate(), message);
        assertThat(Ed25519.verify(keys.getPublic(), message, signature)).isTrue();
        assertThat(Ed25519.verify(keys.getPublic(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Ed25519.verify(keys.getPublic(), message, new byte[3])).isFalse();
        assertThat(Ed25519.verify(keys.getPublic(), message, null)).isFalse();
        assertThatThrownBy(() -> Ed25519.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithTheJdkProviderBothWays() throws Exception {
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 50; i++) {
            KeyPair keys = Ed25519.generate();
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            byte[] ours = Ed25519.sign(keys.getPrivate(), message);
            java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
            jdk.initSign(keys.getPrivate());
            jdk.update(message);
            byte[] theirs = jdk.sign();
            assertThat(ours).as("Ed25519 signatures are deterministic").isEqualTo(theirs);
            assertThat(Ed25519.verify(keys.getPublic(), message, theirs)).isTrue();
            assertThat(Ed25519.verifyWithJdk(keys.getPublic(), message, ours)).isTrue();
            byte[] tampered = ours.clone();
            tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
            boolean jdkVerdict = Ed25519.verifyWithJdk(keys.getPublic(), message, tampered);
            assertThat(Ed25519.verify(keys.getPublic(), message, tampered)).isEqualTo(jdkVerdict).isFalse();
        }
    }

    @Test
    void aNonCanonicalScalarIsRefusedAsTheJdkRefusesIt() {
        KeyPair keys = Ed25519.generate();
        byte[] message = "m".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = Ed25519.sign(keys.getPrivate(), message);
        // S + L (the group order) is the same point arithmetic but not the canonical encoding RFC 8032 requires
        java.math.BigInteger order = java.math.BigInteger.TWO.pow(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] s = java.util.Arrays.copyOfRange(signature, 32, 64);
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = s[31 - i];
        }
        byte[] sum = new java.math.BigInteger(1, bigEndian).add(order).toByteArray();
        byte[] forged = signature.clone();
        for (int i = 0; i < 32; i++) {
            forged[32 + i] = i < sum.length ? sum[sum.length - 1 - i] : 0;
        }
        assertThat(Ed25519.verifyWithJdk(keys.getPublic(), message, forged)).isFalse();
        assertThat(Ed25519.verify(keys.getPublic(), message, forged)).isFalse();
    }
}
