package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.RelayStatement;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /v1/relays (CONTRACT 2): the approved relays, each entry signed by the root (a
 * {@link RelayStatement}), with the root certificate to check them against. Entries whose
 * signature does not verify are left out: a relay serves only what the root vouched for.
 */
final class RelaysHandler extends Handler.Abstract.NonBlocking {

    private final Supplier<Map<String, RelayRecord>> registry;
    private final X509Certificate root;

    RelaysHandler(Supplier<Map<String, RelayRecord>> registry, X509Certificate root) {
        this.registry = registry;
        this.root = root;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        ObjectNode answer = JsonResponses.JSON.createObjectNode().put("root", Pem.encode(root));
        ArrayNode relays = answer.putArray("relays");
        registry.get().values().stream()
                .filter(relay -> relay.getStatus() == RelayStatus.APPROVED)
                .sorted(Comparator.comparing(RelayRecord::getRelayId))
                .forEach(relay -> {
                    RelayStatement statement = statement(relay);
                    if (statement != null && statement.verify(root.getPublicKey(), relay.getRootSignature())) {
                        relays.add(statement.toJson().put("signature", relay.getRootSignature()));
                    }
                });
        JsonResponses.send(response, callback, 200, answer);
        return true;
    }

    static RelayStatement statement(RelayRecord relay) {
        if (relay.getEndpoint() == null || relay.getCertificateFingerprint() == null) {
            return null;
        }
        return new RelayStatement(relay.getRelayId(), relay.getName(), relay.getStatus().name(), relay.getEndpoint(),
                relay.getCertificateFingerprint(), relay.getUpdatedAt());
    }
}
