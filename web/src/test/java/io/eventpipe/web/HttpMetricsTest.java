package io.eventpipe.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    @Test
    void routesAreTemplatesWithBoundedCardinality() {
        assertThat(HttpMetrics.route("/v1/events/6f1c2a9e-8d3b")).isEqualTo("/v1/events/{id}");
        assertThat(HttpMetrics.route("/v1/media/" + "ab".repeat(32))).isEqualTo("/v1/media/{id}");
        assertThat(HttpMetrics.route("/v1/admin/relays/relay-x/approve")).isEqualTo("/v1/admin/relays/{id}/approve");
        assertThat(HttpMetrics.route("/v1/challenge")).isEqualTo("/v1/challenge");
        assertThat(HttpMetrics.route("/metrics")).isEqualTo("/metrics");
        assertThat(HttpMetrics.route("/assets/event-abc.js")).isEqualTo("static");
        assertThat(HttpMetrics.route("/../../etc/passwd")).isEqualTo("static");
        assertThat(HttpMetrics.route(null)).isEqualTo("static");
    }
}
