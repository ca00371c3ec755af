package io.eventpipe.relay.kafka;

import io.eventpipe.common.pki.KeyStores;
import io.eventpipe.relay.devices.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The settings every Kafka client of a relay shares: the bootstrap servers and, with SSL, the
 * relay's own certificate as its identity (mutual TLS; its principal is the certificate's CN)
 * and the root as the only trust anchor. Key and trust stores are written, owner-only, to a
 * temporary directory at start, with a fresh random password.
 */
public final class KafkaClients {

    public static final String PLAINTEXT = "PLAINTEXT";
    public static final String SSL = "SSL";

    private final Map<String, Object> base;

    private KafkaClients(Map<String, Object> base) {
        this.base = Map.copyOf(base);
    }

    public static KafkaClients create(String bootstrapServers, String securityProtocol, Pki pki) {
        Map<String, Object> base = new HashMap<>();
        base.put("bootstrap.servers", bootstrapServers);
        if (SSL.equals(securityProtocol)) {
            base.putAll(tls(pki));
        } else if (!PLAINTEXT.equals(securityProtocol)) {
            throw new IllegalArgumentException("kafka.security.protocol is PLAINTEXT or SSL, not " + securityProtocol);
        }
        return new KafkaClients(base);
    }

    private static Map<String, Object> tls(Pki pki) {
        try {
            Path dir = Files.createTempDirectory("eventpipe-relay-tls-");
            dir.toFile().deleteOnExit();
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path keyStore = dir.resolve("relay.p12");
            Path trustStore = dir.resolve("root.p12");
            KeyStores.writeKeyStore(keyStore, password.toCharArray(), pki.relay(), List.of());
            KeyStores.writeTrustStore(trustStore, password.toCharArray(), List.of(pki.root()));
            keyStore.toFile().deleteOnExit();
            trustStore.toFile().deleteOnExit();
            return Map.of(
                    "security.protocol", SSL,
                    "ssl.keystore.type", "PKCS12",
                    "ssl.keystore.location", keyStore.toString(),
                    "ssl.keystore.password", password,
                    "ssl.key.password", password,
                    "ssl.truststore.type", "PKCS12",
                    "ssl.truststore.location", trustStore.toString(),
                    "ssl.truststore.password", password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the relay's TLS identity", e);
        }
    }

    /** The shared settings plus a client's own. */
    public Map<String, Object> config(Map<String, Object> specific) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(specific);
        return config;
    }

    @Override
    public String toString() {
        return "KafkaClients[" + base.get("bootstrap.servers") + ", " + base.getOrDefault("security.protocol", PLAINTEXT) + "]";
    }
}
