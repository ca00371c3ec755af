package io.eventpipe.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ManagementServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(ManagementServer server, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessFollowsItsDependenciesAndMetricsAreServedAsPrometheusText() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>("object storage unavailable: \"S3\" down");
        try (ManagementServer server = ManagementServer.start("127.0.0.1", 0, problem::get, () -> "up 1\n")) {
            assertThat(send(server, "GET", "/health").statusCode()).isEqualTo(200);

            HttpResponse<String> notReady = send(server, "GET", "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"status\":\"NOT_READY\",\"reason\":\"object storage unavailable: \\\"S3\\\" down\"}");
            problem.set(null);
            assertThat(send(server, "GET", "/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = send(server, "GET", "/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).isEqualTo("up 1\n");
        }
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        try (ManagementServer server = ManagementServer.start("127.0.0.1", 0, () -> null, () -> "")) {
            HttpResponse<String> post = send(server, "POST", "/metrics");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET");
            assertThat(post.body()).contains("\"error\":\"method_not_allowed\"");
        }
    }
}
