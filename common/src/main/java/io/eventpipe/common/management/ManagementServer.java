package io.eventpipe.common.management;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The management port of a service without an HTTP API of its own: GET /health (the process
 * answers), /ready (its dependencies answer, with a reason when not) and /metrics (Prometheus
 * text). The JDK's server is enough for a scrape every few seconds; one thread serves it.
 */
public final class ManagementServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Readiness: null when ready, else what is not. */
    public interface Readiness {
        String notReadyBecause();
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "management-http");
        thread.setDaemon(true);
        return thread;
    });

    private ManagementServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on the loopback-or-any address given, port 0 for a free one. */
    public static ManagementServer start(String host, int port, Readiness readiness, Supplier<String> metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ManagementServer management = new ManagementServer(server);
            server.createContext("/health", exchange -> answer(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
            server.createContext("/ready", exchange -> {
                String problem = readiness.notReadyBecause();
                ObjectNode body = JSON.createObjectNode().put("status", problem == null ? "READY" : "NOT_READY");
                if (problem != null) {
                    body.put("reason", problem);
                }
                answer(exchange, problem == null ? 200 : 503, "application/json", body.toString());
            });
            server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
            server.setExecutor(management.executor);
            server.start();
            return management;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] error = "{\"error\":\"method_not_allowed\",\"message\":\"use GET\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(405, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
