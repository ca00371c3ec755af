package io.eventpipe.admin.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.web.JsonResponses;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Analysts' replay: a window of a topic copied into another topic, partition for partition
 * (keys, values in their Confluent wire format, headers and timestamps kept; each copy says where
 * it came from). The plan comes first (dry-run is the default); a run shows its progress, can be
 * cancelled, and at most {@value #MAX_RUNNING} run at once per instance. The target is never a
 * topic of the pipeline, and never one that already holds records.
 */
public final class ReplayService implements AutoCloseable {

    static final int MAX_RUNNING = 2;
    static final Duration SILENCE = Duration.ofSeconds(60);
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,200}");
    private static final long TIMEOUT_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TopicRanges ranges;
    private final ReplayJobStore store;
    private final Admin admin;
    private final ReplayCopier copier;
    private final Clock clock;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_RUNNING, MAX_RUNNING, 1, TimeUnit.MINUTES,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "replay");
                thread.setDaemon(true);
                return thread;
            });

    public ReplayService(String bootstrapServers, ReplayJobStore store, Clock clock) {
        this.ranges = new TopicRanges(bootstrapServers);
        this.store = store;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "default.api.timeout.ms", 30_000));
        this.copier = new ReplayCopier(bootstrapServers, ranges, store, clock);
        this.clock = clock;
    }

    public TopicRanges ranges() {
        return ranges;
    }

    /** POST /v1/admin/replays {topic, target, from, to | offsets, dryRun}: the plan, and unless dryRun the job started. */
    public ObjectNode replay(JsonNode request, String adminId)
            throws ApiProblem, SQLException, ExecutionException, InterruptedException, TimeoutException {
        if (request == null) {
            throw invalid("send {topic, target, from, to} or {topic, target, offsets}, with dryRun");
        }
        String source = request.path("topic").asText("");
        String target = request.path("target").asText("");
        checkTarget(source, target);
        Window window = Window.fromJson(request);
        List<PartitionRange> plan = ranges.plan(source, window);
        Optional<TopicDescription> existing = describe(target);
        if (existing.isPresent() && existing.get().partitions().size() < plan.size()) {
            throw conflict("target_too_small", target + " has fewer partitions than " + source + "; replay into a new topic");
        }
        if (existing.isPresent() && holdsRecords(target)) {
            throw conflict("target_not_empty", target + " holds records already; replay into a new topic");
        }
        boolean dryRun = request.path("dryRun").asBoolean(true);
        ObjectNode answer = JsonResponses.JSON.createObjectNode().put("topic", source).put("target", target).put("dryRun", dryRun)
                .put("createTarget", existing.isEmpty()).put("offsets", plan.stream().mapToLong(PartitionRange::offsets).sum());
        ArrayNode partitions = answer.putArray("partitions");
        plan.forEach(range -> partitions.add(range.toJson()));
        if (dryRun) {
            return answer;
        }
        if (existing.isEmpty()) {
            createTopic(target, plan.size());
        }
        String jobId = "replay-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        store.create(jobId, source, target, answer.toString(), answer.get("offsets").asLong(), adminId, clock.instant());
        try {
            executor.execute(() -> copier.copy(jobId, source, target, plan));
        } catch (RejectedExecutionException e) {
            store.finish(jobId, "FAILED", 0, "too many replays running", clock.instant());
            throw new ApiProblem(429, JsonResponses.error("too_many_replays", MAX_RUNNING
                    + " replays are running on this instance; retry when one is done").put("retryAfterSeconds", 30));
        }
        return answer.put("jobId", jobId);
    }

    public ObjectNode job(String jobId) throws ApiProblem, SQLException {
        store.failSilent(SILENCE, clock.instant());
        return view(store.find(jobId).orElseThrow(() -> new ApiProblem(404, JsonResponses.error("not_found", "no replay " + jobId))));
    }

    public ArrayNode jobs() throws SQLException {
        store.failSilent(SILENCE, clock.instant());
        ArrayNode list = JsonResponses.JSON.createArrayNode();
        for (ReplayJobStore.Job job : store.recent(100)) {
            list.add(view(job));
        }
        return list;
    }

    public ObjectNode cancel(String jobId) throws ApiProblem, SQLException {
        ObjectNode job = job(jobId);
        if (!store.requestCancel(jobId)) {
            throw conflict("not_running", jobId + " is " + job.get("state").asText());
        }
        return job(jobId);
    }

    private static ObjectNode view(ReplayJobStore.Job job) {
        ObjectNode view = JsonResponses.JSON.createObjectNode().put("jobId", job.jobId()).put("topic", job.source())
                .put("target", job.target()).put("state", job.state()).put("offsets", job.total()).put("copied", job.copied())
                .put("startedBy", job.startedBy()).put("startedAt", job.startedAt().toString())
                .put("updatedAt", job.heartbeatAt().toString())
                .put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString())
                .put("cancelRequested", job.cancelRequested()).put("error", job.error());
        try {
            view.set("plan", JsonResponses.JSON.readTree(job.plan()));
        } catch (java.io.IOException e) {
            view.put("plan", job.plan());
        }
        return view;
    }

    private static void checkTarget(String source, String target) throws ApiProblem {
        if (source.isBlank() || !TOPIC_NAME.matcher(target).matches()) {
            throw invalid("topic is the source; target a topic name of letters, digits, '.', '_' and '-'");
        }
        if (target.equals(source) || Topics.byName(target).isPresent() || target.startsWith("_")) {
            throw new ApiProblem(422, JsonResponses.error("forbidden_target", "a replay never writes into the pipeline's own topics "
                    + "or the source; name a new topic, e.g. replay." + source + ".1"));
        }
    }

    private Optional<TopicDescription> describe(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean holdsRecords(String topic) throws ApiProblem {
        return ranges.plan(topic, new Window(null, null, null)).stream().anyMatch(range -> range.offsets() > 0);
    }

    private void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(422, JsonResponses.error("invalid_request", message));
    }

    private static ApiProblem conflict(String code, String message) {
        return new ApiProblem(409, JsonResponses.error(code, message));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        admin.close();
    }
}
