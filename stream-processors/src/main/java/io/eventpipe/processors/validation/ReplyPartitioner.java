package io.eventpipe.processors.validation;

import io.eventpipe.avro.EventResult;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends each result to the partition of events.results that the waiting relay instance reads
 * (from the request's reply header); results nobody waits for go by key as usual.
 */
final class ReplyPartitioner implements StreamPartitioner<String, EventResult> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, EventResult value, int numPartitions) {
        Integer partition = value == null ? null : value.getReplyPartition();
        if (partition == null || partition < 0 || partition >= numPartitions) {
            return Optional.empty();
        }
        return Optional.of(Set.of(partition));
    }
}
