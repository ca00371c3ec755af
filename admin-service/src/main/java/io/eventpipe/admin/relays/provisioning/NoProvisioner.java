package io.eventpipe.admin.relays.provisioning;

import java.util.Collection;
import java.util.Optional;

/** Relays are started by their operators (the enrollment token handed over as text or QR code). */
public final class NoProvisioner implements RelayProvisioner {

    private static ProvisioningException none() {
        return ProvisioningException.conflict("no relay provisioner is configured (relay.provisioner=none): "
                + "start the relay yourself with its enrollment token");
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public String reserveEndpoint(String relayId) throws ProvisioningException {
        throw none();
    }

    @Override
    public Launched launch(String relayId, String enrollmentToken) throws ProvisioningException {
        throw none();
    }

    @Override
    public Launched reenroll(String relayId, String enrollmentToken) throws ProvisioningException {
        throw none();
    }

    @Override
    public Launched restart(String relayId) throws ProvisioningException {
        throw none();
    }

    @Override
    public Optional<Launched> status(String relayId) {
        return Optional.empty();
    }

    @Override
    public boolean stop(String relayId) {
        return false;
    }

    @Override
    public void resume(Collection<String> relayIds) {
        // nothing was launched here
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
