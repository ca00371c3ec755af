package io.eventpipe.launcher.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.httpsig.SigningClient;
import io.eventpipe.common.process.JavaCommand;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** How DevStackIT looks at a running local stack from outside: its addresses, topics, registry, chain and store. */
final class DevStackProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env;
    private final Path dataDir;

    DevStackProbe(Map<String, String> env, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
    }

    String admin() {
        return "http://127.0.0.1:" + env.get("EVENTPIPE_DEV_ADMIN_PORT");
    }

    /** A request to the admin API signed (RFC 9421) with the key of the first admin, read from the file the stack printed. */
    HttpResponse<String> asFirstAdmin(String method, String path, String json) throws Exception {
        return SigningClient.fromAdminCredentials(admin(), dataDir.resolve("admin/bootstrap-admin.json")).call(method, path, json);
    }

    /** ./eventpipe with these arguments (the launcher in its own JVM, pointed at this stack): exit status and output. */
    record Cli(int status, String out, String err) {
    }

    Cli cli(String... args) throws Exception {
        List<String> command = JavaCommand.mainClass(System.getProperty("java.class.path"), "io.eventpipe.launcher.Main")
                .property("eventpipe.home", io.eventpipe.stack.ProjectHome.find().toString()).args(args).toList();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path err = Files.createTempFile("cli", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Cli(process.exitValue(), out, Files.readString(err));
    }

    /** Runs one of pwa/e2e's scripts (node, playwright-core, Debian's Chromium) against this stack; its output. */
    String browser(String script) throws Exception {
        Path home = io.eventpipe.stack.ProjectHome.find();
        ProcessBuilder builder = new ProcessBuilder("node", home.resolve("pwa/e2e/" + script).toString())
                .directory(home.resolve("pwa").toFile()).redirectErrorStream(true);
        builder.environment().put("RELAY_URL", relay());
        builder.environment().put("ADMIN_URL", admin());
        builder.environment().put("CREDENTIALS", dataDir.resolve("admin/bootstrap-admin.json").toAbsolutePath().toString());
        builder.environment().put("SCREENSHOTS", home.resolve("launcher/target/e2e-screenshots").toString());
        Process browser = builder.start();
        String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.exitValue()).as(out).isZero();
        return out;
    }

    /** Issue 8: the event's id is in mdc.eventId of JSON log lines of the relay, the processors and the anchor sink. */
    void assertFollowedThroughTheLogs(String eventId) throws IOException {
        for (String service : List.of("ingress-relay", "stream-processors", "anchor-sink")) {
            List<String> stages = new ArrayList<>();
            for (String line : Files.readAllLines(dataDir.resolve("logs/" + service + ".log"))) {
                if (line.startsWith("{") && line.contains(eventId)) {
                    JsonNode json = JSON.readTree(line);
                    if (eventId.equals(json.path("mdc").path("eventId").asText())) {
                        stages.add(json.path("formattedMessage").asText());
                    }
                }
            }
            assertThat(stages).as("JSON log lines of %s with mdc.eventId %s", service, eventId).isNotEmpty();
        }
    }

    /** Every metric the Grafana dashboard queries is served by one of these services (their ports' names). */
    void assertDashboardMetricsServed(List<String> ports) throws Exception {
        java.util.Set<String> served = new java.util.TreeSet<>();
        for (String port : ports) {
            served.addAll(prometheusNames(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + env.get("EVENTPIPE_DEV_" + port + "_PORT") + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()));
        }
        String dashboard = Files.readString(io.eventpipe.stack.ProjectHome.find().resolve("deploy/grafana/eventpipe.json"));
        List<String> queried = java.util.regex.Pattern.compile("(?:eventpipe|jvm|kafka)_[a-z_]+").matcher(dashboard).results()
                .map(java.util.regex.MatchResult::group).distinct().toList();
        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(served).as("metrics served after traffic").containsAll(queried);
    }

    /** The metric names of a Prometheus text exposition; fails on a line that is not one. */
    static java.util.Set<String> prometheusNames(String text) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Pattern sample = java.util.regex.Pattern.compile(
                "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( [0-9]+)?");
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            java.util.regex.Matcher matcher = sample.matcher(line);
            assertThat(matcher.matches()).as("a Prometheus sample line: %s", line).isTrue();
            names.add(matcher.group(1));
        }
        return names;
    }

    String relay() {
        return "http://127.0.0.1:" + env.get("EVENTPIPE_DEV_RELAY_PORT");
    }
    String registry() {
        return "http://127.0.0.1:" + env.get("EVENTPIPE_DEV_REGISTRY_PORT") + "/apis/ccompat/v7";
    }
    String kafka() {
        return "127.0.0.1:" + env.get("EVENTPIPE_DEV_KAFKA_PORT");
    }
    String kcat(Path kcat, String topic) throws Exception {
        Process process = new ProcessBuilder(kcat.toString(), "-C", "-b", kafka(), "-t", topic, "-s", "value=avro",
                "-r", registry(), "-e", "-q").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("ERROR");
        return out;
    }
    static <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    S3Client s3() throws IOException {
        java.util.Properties credentials = new java.util.Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("s3/credentials.properties"))) {
            credentials.load(reader);
        }
        return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + env.get("EVENTPIPE_DEV_S3_PORT")))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        credentials.getProperty("accessKey"), credentials.getProperty("secretKey"))))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
    JsonNode rpc(String method, String param) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[" + param + "]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.get("EVENTPIPE_DEV_ETHEREUM_PORT"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.has("error")).as(response.body()).isFalse();
        return answer;
    }
    List<String> subjects() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registry() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> subjects = new ArrayList<>();
        JSON.readTree(response.body()).forEach(s -> subjects.add(s.asText()));
        assertThat(subjects).contains("events.incoming-value", "events.results-value");
        return subjects;
    }
    List<String> consume(String topic) throws Exception {
        List<String> command = JavaCommand.mainClass(System.getProperty("java.class.path"), "io.eventpipe.launcher.Main")
                .args("consume", topic).toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", kafka());
        builder.environment().put("EVENTPIPE_SCHEMA_REGISTRY_URL", registry());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out.lines().toList();
    }
}
