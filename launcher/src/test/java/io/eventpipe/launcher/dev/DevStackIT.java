package io.eventpipe.launcher.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.Ports;
import io.eventpipe.stack.ProjectHome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./eventpipe dev} as a user runs it (the launcher in its own JVM, on ports of its own),
 * then stopped with SIGTERM and started again on the same data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env = new HashMap<>();
    private Path dataDir;
    private Process launcher;
    private Path output;
    private String eventId;
    private String rejectedId;
    private DevStackProbe probe;

    @BeforeAll
    void ports() throws IOException {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target/it-dev")), "data-");
        env.put("EVENTPIPE_DEV_DATA_DIR", dataDir.toString());
        for (String server : List.of("RELAY", "ADMIN", "KAFKA", "KAFKA_CONTROLLER", "KAFKA_TLS", "REGISTRY", "S3", "POSTGRES", "REDIS",
                "ETHEREUM", "PROCESSORS", "ANCHOR")) {
            env.put("EVENTPIPE_DEV_" + server + "_PORT", Integer.toString(Ports.free()));
        }
        probe = new DevStackProbe(env, dataDir);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void startLauncher(String name) throws IOException {
        output = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        List<String> command = JavaCommand.mainClass(System.getProperty("java.class.path"), "io.eventpipe.launcher.Main")
                .property("eventpipe.home", ProjectHome.find().toString()).args("dev").toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        launcher = builder.start();
        Await.until("the launcher to print Ready", START_TIMEOUT, () -> {
            if (!launcher.isAlive()) {
                throw new AssertionError("launcher exited: " + read(output));
            }
            return read(output).contains("Ready in");
        });
    }

    /** SIGTERM, as a service manager or Ctrl-C would stop it; afterwards no process of the stack remains. */
    private void stopLauncher() throws Exception {
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        // six servers and two services (PostgreSQL detaches through pg_ctl: its port is checked below)
        assertThat(children).hasSizeGreaterThanOrEqualTo(7);
        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
        Await.until("every child of the stack to exit", Duration.ofSeconds(30),
                () -> children.stream().noneMatch(ProcessHandle::isAlive));
        Await.until("every port of the stack to be free", Duration.ofSeconds(30), () -> env.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_PORT")).allMatch(e -> Ports.isFree(Integer.parseInt(e.getValue()))));
        assertThat(read(output)).contains("Stopped.");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String event(String id) {
        return "{\"eventId\":\"" + id + "\",\"capturedAt\":\"2026-01-15T10:00:00+02:00\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},"
                + "\"annotations\":{\"species\":\"heron\",\"count\":1},\"media\":[]}";
    }

    @Test
    @Order(1)
    void firstStartPrintsTheAddressesAndAnswersEventsWithTheirHash() throws Exception {
        startLauncher("first");
        String printed = read(output);
        assertThat(printed).contains(probe.relay(), probe.kafka(), probe.registry(), "sample 'field-observation' published");

        eventId = UUID.randomUUID().toString();
        DeviceClient device = new DeviceClient(probe.relay());
        JsonNode registration = device.register();
        assertThat(registration.get("chain")).hasSize(2);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(probe.relay() + "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event(eventId)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> response = device.postEvent(event(eventId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        String jcs = "{\"annotations\":{\"count\":1,\"species\":\"heron\"},\"capturedAt\":\"2026-01-15T10:00:00+02:00\","
                + "\"eventId\":\"" + eventId + "\",\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"media\":[]}";
        assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("eventHash").asText()).isEqualTo(Sha256.hex(jcs.getBytes(StandardCharsets.UTF_8)));
        rejectedId = UUID.randomUUID().toString();
        JsonNode rejected = JSON.readTree(device.postEvent(event(rejectedId).replace("field-observation", "no-such-config")).body());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");

        // discovery: the local relay, approved and signed by the root the stack created
        JsonNode relays = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(probe.relay() + "/v1/relays")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode local = relays.get("relays").get(0);
        assertThat(local.get("relayId").asText()).isEqualTo("relay-local");
        assertThat(local.get("endpoint").asText()).isEqualTo(probe.relay());
        var root = io.eventpipe.common.pki.Pem.certificate(Files.readString(dataDir.resolve("pki/root/root.crt.pem")));
        assertThat(new io.eventpipe.common.pki.RelayStatement(local.get("relayId").asText(), local.get("name").asText(),
                local.get("status").asText(), local.get("endpoint").asText(), local.get("certificateFingerprint").asText(),
                java.time.Instant.parse(local.get("updatedAt").asText())).verify(root.getPublicKey(), local.get("signature").asText()))
                .isTrue();
    }

    /** Issue 3: 25 MiB uploads, several at once, through a relay running in 256 MiB of heap. */
    @Test
    @Order(2)
    void concurrentLargeUploadsFitTheRelaysHeap() throws Exception {
        assertThat(read(output)).doesNotContain("OutOfMemoryError");
        DeviceClient device = new DeviceClient(probe.relay());
        device.register();
        int uploads = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                byte[] data = new byte[25 * 1024 * 1024];
                new java.util.Random(i).nextBytes(data);
                statuses.add(pool.submit(() -> device.send("PUT", "/v1/media/" + Sha256.hex(data), data, "video/mp4",
                        java.time.Instant.now()).statusCode()));
            }
            for (var status : statuses) {
                assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(io.eventpipe.stack.HttpProbe.isOk(probe.relay() + "/ready")).isTrue();
    }

    @Test
    @Order(2)
    void topicsDecodeThroughTheRegistry() throws Exception {
        List<String> incoming = probe.consume("events.incoming");
        List<String> results = probe.consume("events.results");
        assertThat(incoming).anySatisfy(line -> assertThat(line).contains(eventId).contains("\"schemaId\":"));
        assertThat(results).anySatisfy(line -> assertThat(line).contains(eventId).contains("\"status\":\"ACCEPTED\""));
        assertThat(probe.consume("config.labels")).anySatisfy(line -> assertThat(line).contains("field-observation"));
    }

    /** CONTRACT 1: kcat -C -b BROKER -t TOPIC -s value=avro -r REGISTRY_URL decodes every topic. */
    @Test
    @Order(3)
    void kcatDecodesTheTopicsThroughTheRegistry() throws Exception {
        Path kcat = ProjectHome.find().resolve("tools/kcat/bin/kcat");
        assertThat(kcat).as("kcat with Avro support; build it with tools/kcat/build.sh (./eventpipe test does)").isExecutable();
        String incoming = probe.kcat(kcat, "events.incoming");
        assertThat(incoming).contains("\"eventId\": \"" + eventId + "\"", "\"relayId\": \"relay-local\"");
        assertThat(probe.kcat(kcat, "events.validated")).contains("\"eventId\": \"" + eventId + "\"", "\"canonicalJson\"");
        assertThat(probe.kcat(kcat, "events.rejected"))
                .contains("\"eventId\": {\"string\": \"" + rejectedId + "\"}", "UNKNOWN_LABEL_CONFIG");
        // the archive's STORED follows the validator's ACCEPTED
        Await.until("kcat to show the event STORED", Duration.ofSeconds(30), () -> {
            try {
                String results = probe.kcat(kcat, "events.results");
                return results.contains("\"status\": \"ACCEPTED\"") && results.contains("\"status\": \"STORED\"")
                        && results.contains("\"eventId\": \"" + eventId + "\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(probe.kcat(kcat, "config.labels")).contains("\"id\": \"field-observation\"");
    }

    /** Issue 5 in the local stack: the event's status reaches FINAL with a receipt that ./eventpipe verify accepts. */
    @Test
    @Order(3)
    void eventsAreAnchoredAndTheirReceiptsVerify(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        DeviceClient device = new DeviceClient(probe.relay());
        device.register();
        String id = UUID.randomUUID().toString();
        JsonNode accepted = JSON.readTree(device.postEvent(event(id)).body());
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        JsonNode status = Await.value("the event FINAL", Duration.ofSeconds(90), () -> {
            try {
                JsonNode current = JSON.readTree(device.send("GET", "/v1/events/" + id, null, null, java.time.Instant.now()).body());
                return "FINAL".equals(current.get("status").asText()) ? current : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(status.get("storage").get("key").asText()).endsWith(id + ".json");
        probe.assertFollowedThroughTheLogs(id);
        Path receipt = Files.writeString(dir.resolve("receipt.json"), status.get("receipt").toString());
        Path eventFile = Files.writeString(dir.resolve("event.json"), event(id));
        Path home = ProjectHome.find();
        String classpath = home.resolve("anchor-sink/target/classes") + java.io.File.pathSeparator
                + Files.readString(home.resolve("anchor-sink/target/classpath.txt")).trim();
        Process verify = new ProcessBuilder(JavaCommand.mainClass(classpath, "io.eventpipe.anchor.verify.VerifyCommand")
                .args(receipt.toString(), "--event", eventFile.toString(),
                        "--rpc", "http://127.0.0.1:" + env.get("EVENTPIPE_DEV_ETHEREUM_PORT"))
                .toList()).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(out).isZero();
        assertThat(out).contains("VALID");
        String anchorMetrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.get("EVENTPIPE_DEV_ANCHOR_PORT")
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(anchorMetrics).contains("eventpipe_anchor_batch_size_count", "eventpipe_anchor_gas_per_event");
    }

    /** Issue 6 in the local stack: the first admin publishes a label configuration; relay and processors apply it. */
    @Test
    @Order(3)
    void theFirstAdminPublishesALabelConfigThatRelayAndProcessorsApply() throws Exception {
        assertThat(read(output)).contains(dataDir.resolve("admin/bootstrap-admin.json").toString(), "created on this first start");
        String id = "dev-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = probe.asFirstAdmin("POST", "/v1/admin/label-configs",
                "{\"id\":\"" + id + "\",\"name\":\"Dev IT\","
                + "\"labels\":[{\"name\":\"species\",\"type\":\"TEXT\",\"required\":true},{\"name\":\"count\",\"type\":\"INTEGER\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Await.until("the relay to serve " + id, Duration.ofSeconds(30), () -> DevStackProbe.call(() -> http.send(
                HttpRequest.newBuilder(URI.create(probe.relay() + "/v1/label-configs")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains(id));
        DeviceClient device = new DeviceClient(probe.relay());
        device.register();
        String accepted = UUID.randomUUID().toString();
        JsonNode answer = JSON.readTree(device.postEvent(event(accepted).replace("field-observation", id)).body());
        assertThat(answer.get("status").asText()).as(answer.toString()).isEqualTo("ACCEPTED");
        assertThat(probe.asFirstAdmin("GET", "/v1/admin/audit?action=label-config.create", null).body()).contains(id);
    }

    /** Issue 6: provision (launched by the local provisioner) → enroll → approve → serves devices → revoke → refused. */
    @Test
    @Order(3)
    void aProvisionedRelayServesDevicesUntilRevoked() throws Exception {
        new ProvisionedRelayScenario(probe, DevStackIT::event).run();
    }

    /** ./eventpipe admin | analyst | sre, signed with the first admin's key, against the running stack. */
    @Test
    @Order(3)
    void theAdminAnalystAndSreCommandsDriveTheAdminApi() throws Exception {
        DevStackProbe.Cli whoami = probe.cli("admin", "whoami");
        assertThat(whoami.status()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("\"adminId\"");
        assertThat(probe.cli("sre", "topics").out()).contains("events.incoming", "consumerGroupLag");
        DevStackProbe.Cli decrease = probe.cli("sre", "partitions", "events.incoming", "1", "--execute");
        assertThat(decrease.status()).isEqualTo(1);
        assertThat(decrease.err()).contains("cannot_decrease");
        String target = "replay.cli." + UUID.randomUUID().toString().substring(0, 8);
        DevStackProbe.Cli replay = probe.cli("analyst", "replay", "events.results", target, "--execute");
        assertThat(replay.status()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains(" DONE: ");
        DevStackProbe.Cli export = probe.cli("analyst", "export", target, "--limit", "2");
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(JSON.readTree(line).get("value")
                .get("eventId").asText()).isNotEmpty());
        DevStackProbe.Cli usage = probe.cli("analyst", "replay");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("missing TOPIC");
    }

    /**
     * Issue 7: EventApp in real Chromium against this stack (pwa/e2e, playwright-core): a capture
     * reaches ANCHORED and its receipt is verified in the browser; an offline capture is queued,
     * survives a reload and is sent after reconnecting. Screenshots in launcher/target/e2e-screenshots.
     */
    @Test
    @Order(3)
    void theCaptureAppWorksInARealBrowser() throws Exception {
        String out = probe.browser("eventapp.e2e.mjs");
        assertThat(out).contains("ok - capture anchored and its receipt verified in the browser",
                "ok - offline capture queued, kept across a reload, sent after reconnecting");
        assertThat(ProjectHome.find().resolve("launcher/target/e2e-screenshots/eventapp-receipt-verified.png")).isNotEmptyFile();
    }

    /**
     * Issue 7: EventAdminApp in real Chromium: the first admin signs in with its key, publishes a
     * label configuration the capture form then offers, sees a capture live, provisions a relay and sees its QR code.
     */
    @Test
    @Order(3)
    void theAdminAppWorksInARealBrowser() throws Exception {
        String out = probe.browser("adminapp.e2e.mjs");
        assertThat(out).contains("ok - the first admin signed in with its key",
                "ok - a published label configuration changed the capture form", "ok - the dashboard showed the capture live",
                "ok - the dashboard links to the capture's receipt",
                "ok - a provisioned relay's enrollment QR code is shown", "ok - the QR scanner reads the enrollment code");
        assertThat(ProjectHome.find().resolve("launcher/target/e2e-screenshots/adminapp-relay-qr.png")).isNotEmptyFile();
    }

    /**
     * Issue 8: after traffic, every service's /metrics parses as Prometheus text, and every metric the
     * Grafana dashboard (deploy/grafana/eventpipe.json) queries is served by one of them.
     */
    @Test
    @Order(3)
    void theMetricsOfTheDashboardAreServed() throws Exception {
        probe.assertDashboardMetricsServed(List.of("RELAY", "PROCESSORS", "ANCHOR", "ADMIN"));
    }

    /** The processors' management port: Prometheus text with the validation and archive SLIs after traffic. */
    @Test
    @Order(3)
    void processorsServeTheirMetrics() throws Exception {
        String processors = "http://127.0.0.1:" + env.get("EVENTPIPE_DEV_PROCESSORS_PORT");
        assertThat(io.eventpipe.stack.HttpProbe.isOk(processors + "/ready")).isTrue();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(processors + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("eventpipe_validation_events_total{outcome=\"valid\"}",
                "eventpipe_validation_rejections_total{reason=\"UNKNOWN_LABEL_CONFIG\"}", "eventpipe_archive_stored_total",
                "eventpipe_validation_latency_seconds_bucket");
    }

    @Test
    @Order(4)
    void stopLeavesNoProcessAndRestartFindsEverythingAgain() throws Exception {
        List<String> subjectsBefore = probe.subjects();
        try (S3Client s3 = probe.s3()) {
            s3.putObject(b -> b.bucket(DevStack.BUCKET).key("media/kept"), RequestBody.fromString("evidence"));
        }
        String account = probe.rpc("eth_accounts", "").get("result").get(0).asText();
        String tx = probe.rpc("eth_sendTransaction", "{\"from\":\"" + account + "\",\"to\":\"" + account + "\",\"value\":\"0x1\"}")
                .get("result").asText();
        // the dev chain mines a block a second: wait for the transaction's
        long blocks = Await.value("the transaction's block", Duration.ofSeconds(10), () -> {
            JsonNode receipt = DevStackProbe.call(() -> probe.rpc("eth_getTransactionReceipt", "\"" + tx + "\"")).get("result");
            return receipt == null || receipt.isNull() ? null : Long.decode(receipt.get("blockNumber").asText());
        });
        stopLauncher();

        startLauncher("second");
        assertThat(read(output)).contains("kept from the previous run");
        assertThat(probe.consume("events.incoming")).anySatisfy(line -> assertThat(line).contains(eventId));
        assertThat(probe.subjects()).containsExactlyInAnyOrderElementsOf(subjectsBefore);
        try (S3Client s3 = probe.s3()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(DevStack.BUCKET).key("media/kept")).asUtf8String()).isEqualTo("evidence");
        }
        // the chain went on from where it was, the transaction still in its block
        assertThat(Long.decode(probe.rpc("eth_blockNumber", "").get("result").asText())).isGreaterThanOrEqualTo(blocks);
        assertThat(Long.decode(probe.rpc("eth_getTransactionReceipt", "\"" + tx + "\"").get("result").get("blockNumber").asText()))
                .isEqualTo(blocks);
        stopLauncher();
    }
}
