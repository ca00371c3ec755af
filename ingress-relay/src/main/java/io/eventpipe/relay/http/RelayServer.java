package io.eventpipe.relay.http;

import io.eventpipe.web.JettyServers;
import io.eventpipe.web.HttpMetrics;
import io.eventpipe.web.StaticFiles;
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
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

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
        Server server = JettyServers.newServer("relay", config.httpHost(), config.httpPort(),
                new JettyServers.Limits(MAX_THREADS, 8, MAX_REQUEST_HEADER_BYTES, IDLE_TIMEOUT_MS));

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
        routes.addMapping(PathSpec.from("/v1/app-config"), new AppConfigHandler(config.appChainRpcUrl()));
        // EventApp, the capture PWA (pwa/), on every other path
        routes.addMapping(PathSpec.from("/"), new StaticFiles("webapp"));
        routes.addMapping(PathSpec.from("/health"), HealthHandler.liveness());
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(deps.metrics()));
        routes.addMapping(PathSpec.from("/ready"),
                HealthHandler.readiness(() -> deps.replies().isRunning() && deps.replies().connected() && deps.shared().isReachable()
                        && deps.media().isReachable()));
        Handler guarded = new SharedStateGuard(new RateLimitHandler(routes, deps.limiter(), config.addressLimit(),
                config.registrationLimit()));
        server.setHandler(new HttpMetrics(guarded, deps.metrics().registry()));
        return server;
    }

    /** The port actually bound (when the configured one was 0). */
    public static int boundPort(Server server) {
        return JettyServers.boundPort(server);
    }
}
