package io.eventpipe.stack;

import io.eventpipe.common.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary embedded-redis ships on Maven Central), append-only file in
 * the data directory so that what relays share survives a restart of the stack.
 */
public final class RedisServer implements Server {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final int port;

    private RedisServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start(Path dataDir, int port, Path logDir) {
        try {
            Files.createDirectories(dataDir);
            Path binaries = Files.createDirectories(dataDir.resolve("bin"));
            String executable = ExecutableProvider.newJarResourceProvider(binaries.toFile()).get().getAbsolutePath();
            List<String> command = List.of(executable,
                    "--port", Integer.toString(port),
                    "--bind", "127.0.0.1",
                    "--protected-mode", "yes",
                    "--dir", dataDir.toAbsolutePath().toString(),
                    "--appendonly", "yes",
                    "--save", "",
                    "--daemonize", "no");
            ManagedProcess process = ManagedProcess.start("redis", command, Map.of(), dataDir, logDir.resolve("redis.log"));
            RedisServer server = new RedisServer(process, port);
            try {
                Await.until("Redis on port " + port, READY_TIMEOUT, () -> {
                    process.checkAlive();
                    return server.ping();
                });
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PING over the wire protocol: true on +PONG (and false while Redis loads its data). */
    boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, 7);
            return read == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String address() {
        return uri();
    }

    @Override
    public void close() {
        process.close();
    }
}
