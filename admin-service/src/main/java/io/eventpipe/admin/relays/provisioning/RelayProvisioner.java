package io.eventpipe.admin.relays.provisioning;

import java.util.Collection;
import java.util.Optional;

/**
 * What "launches" relays for admin-service: a provisioned relay is started with its one-time
 * enrollment token, enrolls by itself and serves once approved. The local implementation starts
 * relay processes on this machine; another would create a Kubernetes Deployment or a VM.
 */
public interface RelayProvisioner extends AutoCloseable {

    /** A relay this provisioner started: where it serves and whether it runs. */
    record Launched(String relayId, String endpoint, long pid, boolean running) {
    }

    /** The kind shown in answers ("none", "local"). */
    String kind();

    /** The endpoint the relay will serve at, fixed before launch so that its signed registry entry can name it. */
    String reserveEndpoint(String relayId) throws ProvisioningException;

    /** Starts the relay with its enrollment token; the token goes to the relay only. */
    Launched launch(String relayId, String enrollmentToken) throws ProvisioningException;

    /**
     * Key rotation of a relay launched here: its process stops, its old key is deleted, and it
     * starts again with the new token, enrolling a new key.
     */
    Launched reenroll(String relayId, String enrollmentToken) throws ProvisioningException;

    /** Starts again a relay launched before, enrolled already (after a stop or a restart of admin-service). */
    Launched restart(String relayId) throws ProvisioningException;

    Optional<Launched> status(String relayId);

    /** Stops the relay's process; true when there was one running. */
    boolean stop(String relayId);

    /** At start: restarts the relays launched before among those given (enrolled, not revoked). */
    void resume(Collection<String> relayIds);

    @Override
    void close();
}
