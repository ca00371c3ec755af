package io.eventpipe.admin.relays;

import io.eventpipe.schemas.topics.RelayAcls;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A relay's Kafka rights (RelayAcls: its topics and nothing else), granted on approval and withdrawn on revocation. */
public final class RelayAccess implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(RelayAccess.class);

    private final Admin admin;

    public RelayAccess(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    public void grant(String relayId) throws Exception {
        onlyWithAuthorizer(() -> admin.createAcls(RelayAcls.forRelay(relayId)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    public void withdraw(String relayId) throws Exception {
        onlyWithAuthorizer(() -> admin.deleteAcls(RelayAcls.forRelay(relayId).stream().map(AclBinding::toFilter).toList()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private interface AclCall {
        void run() throws Exception;
    }

    /** A cluster without an authorizer has no ACLs to keep (every client may do everything there anyway). */
    private static void onlyWithAuthorizer(AclCall call) throws Exception {
        try {
            call.run();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SecurityDisabledException)) {
                throw e;
            }
            LOG.warn("the Kafka cluster has no authorizer: relay ACLs are not kept");
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
