package io.eventpipe.relay.auth;

import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.SubjectName;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which relays are revoked, from the relay registry (relays.registry): a device certificate
 * issued by a revoked relay is no longer accepted, on any relay, within seconds. The relay is
 * known by its certificate's subject (its relay id, as the root issued it), so every key it
 * ever had is revoked with it, rotated ones included.
 */
public final class Revocations {

    private final Function<String, Optional<RelayRecord>> registry;

    public Revocations(Function<String, Optional<RelayRecord>> registry) {
        this.registry = registry;
    }

    /** Whether the relay that holds this (chain-validated) relay certificate is revoked. */
    public boolean isRevoked(X509Certificate relayCertificate) {
        return SubjectName.of(relayCertificate).filter(name -> name.role().equals(Optional.of(CertificateRole.RELAY)))
                .flatMap(name -> registry.apply(name.commonName()))
                .map(relay -> relay.getStatus() == RelayStatus.REVOKED).orElse(false);
    }
}
