package io.eventpipe.relay;

import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.relay.http.RelayServer;
import io.eventpipe.relay.kafka.EventPublisher;
import io.eventpipe.relay.kafka.ReplyListener;
import io.eventpipe.relay.kafka.ReplyPartitions;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One relay instance: Kafka clients first, then the HTTP server; stopped in reverse order. */
public final class RelayApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayApp.class);

    private final EventPublisher publisher;
    private final ReplyListener replies;
    private final Server server;

    private RelayApp(EventPublisher publisher, ReplyListener replies, Server server) {
        this.publisher = publisher;
        this.replies = replies;
        this.server = server;
    }

    public static RelayApp start(RelayConfig config) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.shared(config.registryUrl());
        EventPublisher publisher = new EventPublisher(config.bootstrapServers(), registry);
        ReplyListener replies = null;
        try {
            int partition = config.replyPartition() >= 0 ? config.replyPartition()
                    : ReplyPartitions.forInstance(config.instanceId(), publisher.resultPartitions());
            replies = new ReplyListener(config.bootstrapServers(), registry, partition, config.instanceId());
            replies.start();
            Server server = RelayServer.newServer(config, publisher, replies);
            server.start();
            LOG.info("relay {} ({}) listening on http://{}:{}, replies on events.results partition {}", config.relayId(),
                    config.instanceId(), config.httpHost(), RelayServer.boundPort(server), partition);
            return new RelayApp(publisher, replies, server);
        } catch (Exception e) {
            if (replies != null) {
                replies.close();
            }
            publisher.close();
            throw e;
        }
    }

    public int port() {
        return RelayServer.boundPort(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        replies.close();
        publisher.close();
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 1 && args[0].equals("--config") ? Path.of(args[1]) : null;
        RelayApp app = start(RelayConfig.load(file, System.getenv()));
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
