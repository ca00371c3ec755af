package io.eventpipe.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * What EventPipe needs of a schema registry, in the terms of the Confluent Schema Registry REST
 * API. {@link RestSchemaRegistryClient} talks to a real one; a {@code mock://NAME} URL gives an
 * in-process registry for unit tests of topologies (as Confluent's serdes do).
 */
public interface SchemaRegistryClient {

    String MOCK_SCHEME = "mock://";

    /** One client (and so one cache) per registry URL in a process, shared by all serdes. */
    static SchemaRegistryClient shared(String url) {
        return Shared.CLIENTS.computeIfAbsent(url, u -> u.startsWith(MOCK_SCHEME)
                ? new InMemorySchemaRegistryClient(u) : new RestSchemaRegistryClient(u));
    }

    String baseUrl();

    /** Registers the schema under the subject (idempotent: an equal schema gets its existing id). */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; RegistryException 404 when not. */
    int lookup(String subject, Schema schema);

    Schema schemaById(int id);

    /** Sets the subject's compatibility level, e.g. BACKWARD. */
    void setCompatibility(String subject, String level);

    String compatibility(String subject);

    /** Whether the schema may become the subject's next version. */
    boolean isCompatible(String subject, Schema schema);

    List<String> subjects();

    List<Integer> versions(String subject);

    /** Whether the registry answers now (for readiness): lists the subjects, within the client's timeouts. */
    default boolean isReachable() {
        try {
            subjects();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Holder of the process-wide clients. */
    final class Shared {
        private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

        private Shared() {
        }
    }
}
