package io.eventpipe.relay.kafka;

/** Which partition of events.results an instance reads when none is configured. */
public final class ReplyPartitions {

    private ReplyPartitions() {
    }

    /**
     * A stable choice per instance id, so that a restarted instance reads the same partition.
     * Instances that collide share a partition and ignore each other's replies.
     */
    public static int forInstance(String instanceId, int partitions) {
        return Math.floorMod(instanceId.hashCode(), partitions);
    }
}
