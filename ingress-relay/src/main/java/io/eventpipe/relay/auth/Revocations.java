package io.eventpipe.relay.auth;

import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which relay certificates are revoked, from the relay registry (relays.registry): a device
 * certificate issued by a revoked relay is no longer accepted, on any relay, within seconds.
 */
public final class Revocations {

    private final Supplier<Map<String, RelayRecord>> registry;

    public Revocations(Supplier<Map<String, RelayRecord>> registry) {
        this.registry = registry;
    }

    public boolean isRevokedRelayCertificate(String fingerprint) {
        return registry.get().values().stream().anyMatch(relay -> relay.getStatus() == RelayStatus.REVOKED
                && fingerprint.equals(relay.getCertificateFingerprint()));
    }
}
