package io.eventpipe.relay;

import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.relay.auth.RequestAuthenticator;
import io.eventpipe.relay.auth.Revocations;
import io.eventpipe.common.config.Settings;
import io.eventpipe.relay.enroll.Enrollment;
import io.eventpipe.relay.enroll.EnrollmentConfig;
import io.eventpipe.relay.kafka.CompactedTopicView;
import io.eventpipe.relay.kafka.KafkaAccess;
import io.eventpipe.relay.kafka.KafkaClients;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.relay.devices.DeviceRegistrar;
import io.eventpipe.relay.devices.Pki;
import io.eventpipe.relay.http.RelayServer;
import io.eventpipe.relay.kafka.EventPublisher;
import io.eventpipe.relay.kafka.ReplyListener;
import io.eventpipe.relay.kafka.ReplyPartitions;
import io.eventpipe.relay.kafka.StatusUpdater;
import io.eventpipe.relay.metrics.RelayMetrics;
import io.eventpipe.relay.pow.ChallengeCodec;
import io.eventpipe.relay.pow.ChallengeService;
import io.eventpipe.relay.pow.Difficulty;
import io.eventpipe.relay.ratelimit.RateLimiter;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.relay.storage.MediaStore;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One relay instance: Kafka clients first, then the HTTP server; stopped in reverse order. */
public final class RelayApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayApp.class);

    private static final Duration RATE_WINDOW = Duration.ofMinutes(2);
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ENROLLMENT_DEADLINE = Duration.ofMinutes(5);

    private final List<AutoCloseable> resources;
    private final Server server;

    private RelayApp(List<AutoCloseable> resources, Server server) {
        this.resources = resources;
        this.server = server;
    }

    public static RelayApp start(RelayConfig config) throws Exception {
        return start(config, Optional.empty());
    }

    /**
     * With an enrollment: a relay provisioned by admin-service, started before it holds a
     * certificate; it enrolls first, then waits for approval before serving.
     */
    public static RelayApp start(RelayConfig config, Optional<EnrollmentConfig> enrollment) throws Exception {
        Clock clock = Clock.systemUTC();
        if (enrollment.isPresent()) {
            Enrollment.ensure(config.relayId(), config.pkiDir(), enrollment.get(), ENROLLMENT_DEADLINE);
        }
        Pki pki = Pki.load(config.pkiDir());
        SchemaRegistryClient registry = SchemaRegistryClient.shared(config.registryUrl());
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            SharedState shared = opened(resources, new SharedState(config.redisUrl()));
            MediaStore media = opened(resources, new MediaStore(config.s3()));
            KafkaClients kafka = KafkaClients.create(config.bootstrapServers(), config.kafkaSecurityProtocol(), pki);
            if (enrollment.isPresent()) {
                KafkaAccess.awaitGranted(kafka, config.relayId());
            }
            EventPublisher publisher = opened(resources, new EventPublisher(kafka, registry));
            int partition = config.replyPartition() >= 0 ? config.replyPartition()
                    : ReplyPartitions.forInstance(config.instanceId(), publisher.resultPartitions());
            ReplyListener replies = opened(resources, new ReplyListener(kafka, registry, partition,
                    config.instanceId()));
            replies.start();
            opened(resources, new StatusUpdater(kafka, registry, shared.events(), config.instanceId())).start();
            Difficulty difficulty = new Difficulty(config.powMinDifficulty(), config.powMaxDifficulty(), config.powTargetPerMinute(),
                    () -> shared.increment("pow:issued:" + clock.instant().getEpochSecond() / 60, RATE_WINDOW));
            ChallengeService challenges = new ChallengeService(new ChallengeCodec(config.powSecret()), difficulty,
                    config.challengeTtl(), clock);
            CompactedTopicView<RelayRecord> relays = opened(resources, new CompactedTopicView<>(Topics.RELAYS_REGISTRY,
                    kafka, registry, config.instanceId())).start(VIEW_TIMEOUT);
            CompactedTopicView<LabelConfig> labelConfigs = opened(resources, new CompactedTopicView<>(Topics.CONFIG_LABELS,
                    kafka, registry, config.instanceId())).start(VIEW_TIMEOUT);
            Revocations revocations = new Revocations(relays::get);
            DeviceRegistrar registrar = new DeviceRegistrar(challenges, shared, pki, config.deviceCertificateValidity(), revocations,
                    clock);
            RateLimiter limiter = new RateLimiter(shared, clock);
            RequestAuthenticator authenticator = new RequestAuthenticator(shared, pki.root(), limiter, config.deviceLimit(),
                    revocations, clock);
            RelayMetrics metrics = opened(resources, new RelayMetrics(limiter, difficulty));
            opened(resources, publisher.bindMetrics(metrics.registry()));
            opened(resources, replies.bindMetrics(metrics.registry()));
            Server server = RelayServer.newServer(config,
                    new RelayServer.Dependencies(publisher, replies, shared, challenges, registrar, authenticator, media, limiter,
                            metrics, labelConfigs, relays, pki.root()));
            server.start();
            LOG.info("relay {} ({}) listening on http://{}:{}, replies on events.results partition {}", config.relayId(),
                    config.instanceId(), config.httpHost(), RelayServer.boundPort(server), partition);
            return new RelayApp(resources, server);
        } catch (Exception e) {
            closeAll(resources);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    public int port() {
        return RelayServer.boundPort(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        closeAll(resources);
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 1 && args[0].equals("--config") ? Path.of(args[1]) : null;
        Settings settings = Settings.load(RelayConfig.DEFAULTS, file, System.getenv());
        RelayApp app = start(RelayConfig.from(settings), EnrollmentConfig.from(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                LOG.warn("relay did not stop cleanly", e);
            }
        }, "relay-shutdown"));
        app.server.join();
    }
}
