package io.eventpipe.common.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032). Keys are the JDK's own types (devices send raw 32-byte public keys; the JDK
 * wants X.509 SubjectPublicKeyInfo, which for Ed25519 is a fixed 12-byte prefix plus the key), but
 * signing and verification run on BouncyCastle's RFC 8032 arithmetic: it verifies about ten times
 * faster than the JDK 17 provider, and verification is the relay's and the processors' main cost
 * per event (docs/benchmarks.md, C4 and S1). Both check the same strict encodings; the shared
 * vectors and RFC 9421's Ed25519 example hold for either.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b6570032100");
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    /** The public key from its 32 raw bytes; IllegalArgumentException when they are not a key. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw == null || raw.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        boolean ed25519 = "Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
        if (!ed25519 || encoded.length != SPKI_PREFIX.length + PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        if (key instanceof EdECPrivateKey edec && edec.getBytes().isPresent()) {
            byte[] seed = edec.getBytes().get();
            byte[] signature = new byte[SIGNATURE_BYTES];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            Arrays.fill(seed, (byte) 0);
            return signature;
        }
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** False for any signature that does not verify, including malformed ones: never throws on input. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES || message == null) {
            return false;
        }
        byte[] raw;
        try {
            raw = raw(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
    }

    /** The JDK provider's verification: the reference the benchmark compares with (C4 before the change). */
    public static boolean verifyWithJdk(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }
}
