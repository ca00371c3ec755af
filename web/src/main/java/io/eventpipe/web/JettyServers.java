package io.eventpipe.web;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A Jetty server as every EventPipe API runs it: bounded threads and headers, no version banner, idle connections closed. */
public final class JettyServers {

    private JettyServers() {
    }

    /** The limits of one server. */
    public record Limits(int maxThreads, int minThreads, int maxRequestHeaderBytes, long idleTimeoutMs) {
    }

    /** A server with one HTTP connector on host:port (0: a free port); routes and error handler are the caller's. */
    public static Server newServer(String name, String host, int port, Limits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), limits.minThreads());
        threads.setName(name + "-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMs());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        return server;
    }

    /** The port the server's connector bound (when it was asked for 0). */
    public static int boundPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
