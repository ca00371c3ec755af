package io.eventpipe.testkit;

import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A root and a relay certificate written where a relay reads them (relay.crt.pem, relay.key.pem, root.crt.pem). */
public record TestPki(Credentials root, Credentials relay, Path relayDir) {

    public static TestPki create(Path dir, String relayId) {
        Clock clock = Clock.systemUTC();
        Credentials root = CertificateIssuer.selfSignedRoot("EventPipe Test Root", Duration.ofDays(30), clock);
        return withRelay(root, dir, relayId);
    }

    /** Another relay under the same root. */
    public static TestPki withRelay(Credentials root, Path dir, String relayId) {
        Credentials relay = new CertificateIssuer(root, Clock.systemUTC()).issueWithNewKey(relayId, CertificateRole.RELAY,
                Duration.ofDays(7));
        Path relayDir = dir.resolve(relayId);
        try {
            Files.createDirectories(relayDir);
            Files.writeString(relayDir.resolve("relay.crt.pem"), Pem.encode(relay.certificate()));
            Files.writeString(relayDir.resolve("relay.key.pem"), Pem.encode(relay.privateKey()));
            Files.writeString(relayDir.resolve("root.crt.pem"), Pem.encode(root.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestPki(root, relay, relayDir);
    }
}
