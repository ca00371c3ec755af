package io.eventpipe.launcher.dev;

import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.config.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The local stack's chain of trust, made at first start with the same issuing code the
 * admin-service uses: a root (kept in the data directory, owner-only), the local relay's
 * certificate (renewed when less than a day is left) and the proof-of-work secret relays share.
 */
public final class DevTrust {

    static final String RELAY_ID = "relay-local";
    private static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    private static final Duration RELAY_VALIDITY = Duration.ofDays(30);
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private final Credentials root;
    private final Path relayDir;
    private final String powSecretHex;

    private DevTrust(Credentials root, Path relayDir, String powSecretHex) {
        this.root = root;
        this.relayDir = relayDir;
        this.powSecretHex = powSecretHex;
    }

    public static DevTrust ensure(Path dataDir) throws IOException {
        Clock clock = Clock.systemUTC();
        Path pki = Files.createDirectories(dataDir.resolve("pki"));
        Credentials root = loadOrCreateRoot(Files.createDirectories(pki.resolve("root")), clock);
        Path relayDir = Files.createDirectories(pki.resolve(RELAY_ID));
        Path relayCert = relayDir.resolve("relay.crt.pem");
        if (!Files.exists(relayCert) || expiresSoon(relayCert, clock)) {
            Credentials relay = new CertificateIssuer(root, clock).issueWithNewKey(RELAY_ID, CertificateRole.RELAY, RELAY_VALIDITY);
            writeSecret(relayDir.resolve("relay.key.pem"), Pem.encode(relay.privateKey()));
            Files.writeString(relayCert, Pem.encode(relay.certificate()));
        }
        Files.writeString(relayDir.resolve("root.crt.pem"), Pem.encode(root.certificate()));
        return new DevTrust(root, relayDir, loadOrCreatePowSecret(Files.createDirectories(dataDir.resolve("secrets"))));
    }

    /** The root, to issue the broker's TLS certificate (the root's key stays in this process). */
    Credentials root() {
        return root;
    }

    X509Certificate relayCertificate() throws IOException {
        return Pem.certificate(Files.readString(relayDir.resolve("relay.crt.pem")));
    }

    /** The root certificate (public), which every verifier of the stack trusts. */
    Path rootCertificateFile() {
        return relayDir.getParent().resolve("root").resolve("root.crt.pem");
    }

    Path relayDir() {
        return relayDir;
    }

    String powSecretHex() {
        return powSecretHex;
    }

    private static Credentials loadOrCreateRoot(Path dir, Clock clock) throws IOException {
        Path cert = dir.resolve("root.crt.pem");
        Path key = dir.resolve("root.key.pem");
        if (Files.exists(cert) && Files.exists(key)) {
            return new Credentials(Pem.certificate(Files.readString(cert)), Pem.privateKey(Files.readString(key)));
        }
        Credentials root = CertificateIssuer.selfSignedRoot("EventPipe Local Root", ROOT_VALIDITY, clock);
        writeSecret(key, Pem.encode(root.privateKey()));
        Files.writeString(cert, Pem.encode(root.certificate()));
        return root;
    }

    private static boolean expiresSoon(Path cert, Clock clock) throws IOException {
        Instant notAfter = Pem.certificate(Files.readString(cert)).getNotAfter().toInstant();
        return notAfter.isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    private static String loadOrCreatePowSecret(Path dir) throws IOException {
        Path file = dir.resolve("pow.secret");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String hex = Hex.encode(secret);
        writeSecret(file, hex);
        return hex;
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Secrets.writeOwnerOnly(file, content);
    }
}
