package io.eventpipe.launcher.dev;

import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.config.Secrets;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * The local stack's anchoring key: a secp256k1 key generated at first start into the data dir
 * (owner-only), and its Ethereum address, which the stack funds on its dev chain. Never logged.
 */
record DevAnchorKey(String privateKeyHex, String address) {

    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    static DevAnchorKey ensure(Path secretsDir) throws IOException {
        Path file = secretsDir.resolve("anchor.key");
        String hex;
        if (Files.exists(file)) {
            hex = Files.readString(file).trim();
        } else {
            hex = Hex.encode(newPrivateKey());
            Secrets.writeOwnerOnly(file, hex);
        }
        return new DevAnchorKey(hex, addressOf(new BigInteger(1, Hex.decode(hex))));
    }

    private static byte[] newPrivateKey() {
        SecureRandom random = new SecureRandom();
        BigInteger key;
        do {
            key = new BigInteger(256, random);
        } while (key.signum() == 0 || key.compareTo(SECP256K1.getN()) >= 0);
        byte[] bytes = key.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(bytes, Math.max(0, bytes.length - 32), out, Math.max(0, 32 - bytes.length), Math.min(32, bytes.length));
        return out;
    }

    /** keccak256 of the 64-byte uncompressed public key, last 20 bytes, 0x-prefixed. */
    static String addressOf(BigInteger privateKey) {
        byte[] publicKey = SECP256K1.getG().multiply(privateKey).normalize().getEncoded(false);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(publicKey, 1, publicKey.length - 1);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        return "0x" + Hex.encode(Arrays.copyOfRange(hash, 12, 32));
    }

    @Override
    public String toString() {
        return "DevAnchorKey[address=" + address + ", key=***]";
    }
}
