package io.eventpipe.schemas.clients;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Whether a Kafka client holds a broker connection now. A consumer keeps polling through a broker
 * outage without an error and Kafka Streams stays RUNNING, so readiness reads the clients'
 * {@code connection-count} metric instead.
 */
public final class KafkaConnections {

    private static final String CONNECTION_COUNT = "connection-count";
    private static final String CONSUMER_GROUP = "consumer-metrics";

    private KafkaConnections() {
    }

    /** True when any consumer among these metrics (one consumer's, or all of a Streams instance's) is connected. */
    public static boolean consumerConnected(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> CONNECTION_COUNT.equals(e.getKey().name()) && CONSUMER_GROUP.equals(e.getKey().group()))
                .anyMatch(e -> e.getValue().metricValue() instanceof Double count && count > 0);
    }
}
