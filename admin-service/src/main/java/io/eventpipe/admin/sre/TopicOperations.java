package io.eventpipe.admin.sre;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.web.JsonResponses;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What SREs do with the catalogue's topics: see partitions and every consumer group's lag, and
 * add partitions (never remove them: Kafka cannot, and keys would move). Only topics of the
 * catalogue are touched.
 */
public final class TopicOperations implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;
    static final String KEY_ORDER_WARNING = "records are assigned to partitions by key hash: after the increase a key may go to "
            + "another partition, so per-key order holds only among records written after the change; consumers see the new "
            + "partitions within their metadata refresh (EventPipe's services: 10 s)";

    private final Admin admin;

    public TopicOperations(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 15_000,
                "default.api.timeout.ms", 30_000));
    }

    /** Every catalogue topic with its partitions and the lag of each group reading it. */
    public ArrayNode topics() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(Topics.ALL.stream().map(Topic::name).toList())
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = endOffsets(descriptions.values());
        Map<String, Map<String, Long>> lagByTopic = lag(ends);
        ArrayNode out = JsonResponses.JSON.createArrayNode();
        for (Topic<?> topic : Topics.ALL) {
            TopicDescription description = descriptions.get(topic.name());
            ObjectNode node = out.addObject().put("name", topic.name()).put("partitions", description.partitions().size())
                    .put("cleanupPolicy", topic.cleanupPolicy().configValue())
                    .put("records", description.partitions().stream()
                            .mapToLong(p -> ends.getOrDefault(new TopicPartition(topic.name(), p.partition()), 0L)).sum());
            ObjectNode groups = node.putObject("consumerGroupLag");
            lagByTopic.getOrDefault(topic.name(), Map.of()).forEach(groups::put);
        }
        return out;
    }

    private Map<TopicPartition, Long> endOffsets(Collection<TopicDescription> descriptions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.forEach(d -> d.partitions().forEach(p ->
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** topic → group → records not yet consumed (committed offsets against the end). */
    private Map<String, Map<String, Long>> lag(Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Map<String, Long>> lag = new HashMap<>();
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (ConsumerGroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            committed.forEach((tp, offset) -> {
                Long end = ends.get(tp);
                if (end != null && offset != null) {
                    lag.computeIfAbsent(tp.topic(), t -> new HashMap<>())
                            .merge(group.groupId(), Math.max(0, end - offset.offset()), Long::sum);
                }
            });
        }
        return lag;
    }

    /** The plan (and, unless dryRun, its execution) of raising a catalogue topic to this many partitions. */
    public ObjectNode increasePartitions(String name, int wanted, boolean dryRun)
            throws ApiProblem, ExecutionException, InterruptedException, TimeoutException {
        Optional<Topic<?>> topic = Topics.byName(name);
        if (topic.isEmpty()) {
            throw new ApiProblem(404, JsonResponses.error("not_found", name + " is not a topic of the catalogue"));
        }
        int current = admin.describeTopics(List.of(name)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(name)
                .partitions().size();
        if (wanted < current) {
            throw new ApiProblem(422, JsonResponses.error("cannot_decrease", name + " has " + current
                    + " partitions; Kafka cannot remove partitions (it would lose their records)"));
        }
        if (wanted > 10_000) {
            throw new ApiProblem(422, JsonResponses.error("too_many", "at most 10000 partitions"));
        }
        ObjectNode plan = JsonResponses.JSON.createObjectNode().put("topic", name).put("from", current).put("to", wanted)
                .put("dryRun", dryRun).put("warning", KEY_ORDER_WARNING);
        if (wanted == current) {
            return plan.put("changed", false);
        }
        if (!dryRun) {
            admin.createPartitions(Map.of(name, NewPartitions.increaseTo(wanted))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return plan.put("changed", !dryRun);
    }

    @Override
    public void close() {
        admin.close();
    }
}
