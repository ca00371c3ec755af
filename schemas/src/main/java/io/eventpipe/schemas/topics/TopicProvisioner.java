package io.eventpipe.schemas.topics;

import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics that are missing and registers every value schema with
 * BACKWARD compatibility. Idempotent: run at every start of the stack. An existing topic keeps
 * its partitions (SREs may have raised them), but a wrong cleanup policy is an error.
 */
public final class TopicProvisioner {

    public static final String COMPATIBILITY = "BACKWARD";
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, SchemaRegistryClient registry, short replicationFactor) {
        this.admin = admin;
        this.registry = registry;
        this.replicationFactor = replicationFactor;
    }

    /** What provisioning did, for the launcher to print. */
    public record Report(List<String> createdTopics, List<String> existingTopics, Map<String, Integer> schemaIds) {
    }

    public Report provision(List<Topic<?>> topics) {
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        Set<String> present = listTopics();
        for (Topic<?> topic : topics) {
            if (present.contains(topic.name())) {
                checkCleanupPolicy(topic);
                existing.add(topic.name());
            } else if (create(topic)) {
                created.add(topic.name());
            } else {
                existing.add(topic.name());
            }
        }
        Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        for (Topic<?> topic : topics) {
            registry.setCompatibility(topic.valueSubject(), COMPATIBILITY);
            ids.put(topic.valueSubject(), registry.register(topic.valueSubject(), topic.valueSchema()));
        }
        return new Report(created, existing, ids);
    }

    private Set<String> listTopics() {
        try {
            return admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    private boolean create(Topic<?> topic) {
        NewTopic newTopic = new NewTopic(topic.name(), topic.defaultPartitions(), replicationFactor).configs(topic.configs());
        try {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false; // another launcher or test created it meanwhile
            }
            throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic.name(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating " + topic.name(), e);
        }
    }

    private void checkCleanupPolicy(Topic<?> topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
            String policy = config.get("cleanup.policy").value();
            if (!policy.equals(topic.cleanupPolicy().configValue())) {
                throw new IllegalStateException("topic " + topic.name() + " has cleanup.policy=" + policy
                        + " but the catalogue says " + topic.cleanupPolicy().configValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic.name() + ": " + e.getMessage(), e);
        }
    }
}
