package io.eventpipe.stack;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.KeyStores;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The broker's TLS listener under an EventPipe root: a server certificate for 127.0.0.1 and
 * localhost, written with the root into PKCS#12 stores with a fresh random password.
 */
public final class BrokerTls {

    private BrokerTls() {
    }

    public static KafkaBroker.TlsListener brokerListener(Path dir, Credentials root, int port) {
        KeyPair keys = Ed25519.generate();
        Credentials broker = new Credentials(new CertificateIssuer(root, Clock.systemUTC()).issue("kafka-broker", keys.getPublic(),
                CertificateRole.SERVER, Duration.ofDays(30), List.of("127.0.0.1", "localhost")), keys.getPrivate());
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path keyStore = dir.resolve("tls/broker.p12");
        Path trustStore = dir.resolve("tls/trust.p12");
        KeyStores.writeKeyStore(keyStore, password.toCharArray(), broker, List.of(root.certificate()));
        KeyStores.writeTrustStore(trustStore, password.toCharArray(), List.of(root.certificate()));
        return new KafkaBroker.TlsListener(port, keyStore, trustStore, password);
    }
}
