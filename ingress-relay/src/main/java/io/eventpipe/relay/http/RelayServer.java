package io.eventpipe.relay.http;

import io.eventpipe.web.JsonErrorHandler;
import io.eventpipe.relay.auth.RequestAuthenticator;
import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.relay.devices.DeviceRegistrar;
import io.eventpipe.relay.kafka.EventPublisher;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import java.security.cert.X509Certificate;
import io.eventpipe.relay.kafka.CompactedTopicView;
import io.eventpipe.relay.kafka.ReplyListener;
import io.eventpipe.relay.metrics.RelayMetrics;
import io.eventpipe.relay.pow.ChallengeService;
import io.eventpipe.relay.ratelimit.RateLimiter;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.relay.storage.MediaStore;
import java.time.Clock;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Wires the relay's routes into one Jetty server: one handler per route. */
public final class RelayServer {

    /** Headers are small in this API (a signature is the largest); more is abuse. */
    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    static final int MAX_THREADS = 200;
    static final long IDLE_TIMEOUT_MS = 30_000;

    private RelayServer() {
    }

    /** What the routes need, built by RelayApp. */
    public record Dependencies(EventPublisher publisher, ReplyListener replies, SharedState shared, ChallengeService challenges,
                               DeviceRegistrar registrar, RequestAuthenticator authenticator, MediaStore media,
                               RateLimiter limiter, RelayMetrics metrics, CompactedTopicView<LabelConfig> labelConfigs,
                               CompactedTopicView<RelayRecord> relays, X509Certificate root) {
    }

    public static Server newServer(RelayConfig config, Dependencies deps) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("relay-http");
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.httpHost());
        connector.setPort(config.httpPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);

        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/v1/challenge"), new ChallengeHandler(deps.challenges()));
        routes.addMapping(PathSpec.from("/v1/devices"), new DevicesHandler(deps.registrar()));
        routes.addMapping(PathSpec.from("/v1/events"),
                new EventsHandler(config, deps.authenticator(), deps.publisher(), deps.replies(), deps.media(),
                        deps.shared().events(), Clock.systemUTC()));
        routes.addMapping(PathSpec.from("/v1/events/*"), new EventStatusHandler(deps.authenticator(), deps.shared().events()));
        routes.addMapping(PathSpec.from(MediaHandler.PREFIX + "*"),
                new MediaHandler(deps.authenticator(), deps.media(), config.maxConcurrentUploads()));
        routes.addMapping(PathSpec.from("/v1/label-configs"), new LabelConfigsHandler(deps.labelConfigs()::values));
        routes.addMapping(PathSpec.from("/v1/relays"), new RelaysHandler(deps.relays()::values, deps.root()));
        routes.addMapping(PathSpec.from("/health"), HealthHandler.liveness());
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(deps.metrics()));
        routes.addMapping(PathSpec.from("/ready"),
                HealthHandler.readiness(() -> deps.replies().isRunning() && deps.shared().isReachable() && deps.media().isReachable()));
        server.setHandler(new SharedStateGuard(
                new RateLimitHandler(routes, deps.limiter(), config.addressLimit(), config.registrationLimit())));
        server.setErrorHandler(new JsonErrorHandler());
        return server;
    }

    /** The port actually bound (when the configured one was 0). */
    public static int boundPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
