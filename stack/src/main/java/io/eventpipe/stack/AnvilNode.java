package io.eventpipe.stack;

import io.eventpipe.common.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local Ethereum node: anvil (Foundry), from the npm package that ships its binary. Installed
 * by the project's own tools/chain/package.json on first use. With a data directory, the chain
 * state is saved periodically and on exit, and loaded at the next start.
 */
public final class AnvilNode implements Server {

    public static final long CHAIN_ID = 31337;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String STATE_INTERVAL_SECONDS = "5";

    private final ManagedProcess process;
    private final int port;

    private AnvilNode(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts anvil; blockTimeSeconds 0 mines a block per transaction (instant mining). */
    public static AnvilNode start(Path dataDir, int port, int blockTimeSeconds, Path logDir) {
        try {
            Files.createDirectories(dataDir);
            Path binary = ChainTools.anvilBinary();
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--host", "127.0.0.1",
                    "--port", Integer.toString(port),
                    "--chain-id", Long.toString(CHAIN_ID),
                    "--state", dataDir.resolve("state.json").toAbsolutePath().toString(),
                    "--state-interval", STATE_INTERVAL_SECONDS));
            if (blockTimeSeconds > 0) {
                command.addAll(List.of("--block-time", Integer.toString(blockTimeSeconds)));
            }
            ManagedProcess process = ManagedProcess.start("anvil", command, Map.of(), dataDir, logDir.resolve("anvil.log"));
            AnvilNode node = new AnvilNode(process, port);
            try {
                node.awaitReady();
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Await.until("anvil at " + rpcUrl(), READY_TIMEOUT, () -> {
            process.checkAlive();
            return rpc("eth_chainId").contains("\"result\"");
        });
    }

    /** A JSON-RPC call without parameters; returns the raw response body, or "" when unreachable. */
    public String rpc(String method) {
        return rpc(method, "[]");
    }

    /** A JSON-RPC call with its params array as JSON text, e.g. anvil_setBalance, evm_snapshot, evm_revert, anvil_mine. */
    public String rpc(String method, String paramsJson) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Gives an address 1000 ether on this dev chain (anvil_setBalance), for keys generated at first start. */
    public void fund(String address) {
        String answer = rpc("anvil_setBalance", "[\"" + address + "\", \"0x3635c9adc5dea00000\"]");
        if (!answer.contains("\"result\"")) {
            throw new IllegalStateException("anvil did not fund " + address + ": " + answer);
        }
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "anvil";
    }

    @Override
    public String address() {
        return rpcUrl();
    }

    @Override
    public void close() {
        process.close();
    }
}
