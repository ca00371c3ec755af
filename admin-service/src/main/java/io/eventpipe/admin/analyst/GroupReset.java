package io.eventpipe.admin.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.web.JsonResponses;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a consumer group's committed offsets on one topic to a time (or its earliest or latest
 * offsets). The plan shows, per partition, where the group is and where it would be, and what
 * that means: records read again, or skipped. Executed only while the group has no member:
 * Kafka would refuse otherwise, and so do we, with a clear answer.
 */
public final class GroupReset implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public GroupReset(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "default.api.timeout.ms", 30_000));
    }

    /** POST /v1/admin/consumer-groups/{group}/reset {topic, to: time | "earliest" | "latest", dryRun}. */
    public ObjectNode reset(String group, JsonNode request) throws ApiProblem, ExecutionException, InterruptedException, TimeoutException {
        String topic = TopicNames.checked("topic", request == null ? "" : request.path("topic").asText(""));
        OffsetSpec spec = spec(request == null ? "" : request.path("to").asText(""));
        boolean dryRun = request.path("dryRun").asBoolean(true);
        ConsumerGroupDescription description;
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            description = admin.describeConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group);
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                throw new ApiProblem(404, JsonResponses.error("not_found", "no consumer group " + group));
            }
            throw e;
        }
        int partitionCount;
        try {
            partitionCount = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (ExecutionException e) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no topic " + topic));
        }
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            query.put(new TopicPartition(topic, p), spec);
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> targets = admin.listOffsets(query).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> moves = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        ObjectNode plan = JsonResponses.JSON.createObjectNode().put("group", group).put("topic", topic).put("dryRun", dryRun)
                .put("groupState", description.groupState().toString()).put("members", description.members().size());
        ArrayNode partitions = plan.putArray("partitions");
        long again = 0;
        long skipped = 0;
        for (TopicPartition tp : query.keySet().stream().sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList()) {
            long target = targets.get(tp).offset() < 0 ? ends.get(tp).offset() : targets.get(tp).offset();
            OffsetAndMetadata current = committed.get(tp);
            long from = current == null ? -1 : current.offset();
            partitions.addObject().put("partition", tp.partition()).put("current", from).put("target", target);
            if (from >= 0) {
                again += Math.max(0, from - target);
                skipped += Math.max(0, target - from);
            }
            moves.put(tp, new OffsetAndMetadata(target));
        }
        plan.put("recordsReadAgain", again).put("recordsSkipped", skipped).put("warning", "the group's consumers will read again "
                + "the records between the target and where they were (duplicates downstream unless they are idempotent), or skip "
                + "those between where they were and the target");
        if (!dryRun) {
            if (!description.members().isEmpty() || description.groupState() == GroupState.STABLE) {
                throw new ApiProblem(409, JsonResponses.error("group_active", group + " has " + description.members().size()
                        + " active members; stop them, reset, then start them again"));
            }
            admin.alterConsumerGroupOffsets(group, moves).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return plan;
    }

    private static OffsetSpec spec(String to) throws ApiProblem {
        switch (to) {
            case "earliest":
                return OffsetSpec.earliest();
            case "latest":
                return OffsetSpec.latest();
            default:
                try {
                    return OffsetSpec.forTimestamp(Instant.parse(to).toEpochMilli());
                } catch (DateTimeParseException e) {
                    throw new ApiProblem(422, JsonResponses.error("invalid_request",
                            "send {topic, to, dryRun}: to is an ISO-8601 instant, \"earliest\" or \"latest\""));
                }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
