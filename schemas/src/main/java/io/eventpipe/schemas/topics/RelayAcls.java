package io.eventpipe.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least privilege for a relay's Kafka principal (User:CN of its certificate): write
 * events.incoming; read its replies, the label configs and the relay registry; share the status
 * consumer group. Nothing else: no other topic can be written, no event read back.
 */
public final class RelayAcls {

    public static final String STATUS_GROUP = "eventpipe-relay-status";

    private RelayAcls() {
    }

    public static List<AclBinding> forRelay(String relayId) {
        String principal = "User:" + relayId;
        List<AclBinding> bindings = new ArrayList<>();
        bindings.add(topic(Topics.EVENTS_INCOMING, principal, AclOperation.WRITE));
        bindings.add(topic(Topics.EVENTS_INCOMING, principal, AclOperation.DESCRIBE));
        for (Topic<?> readable : List.of(Topics.EVENTS_RESULTS, Topics.CONFIG_LABELS, Topics.RELAYS_REGISTRY)) {
            bindings.add(topic(readable, principal, AclOperation.READ));
            bindings.add(topic(readable, principal, AclOperation.DESCRIBE));
        }
        bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, STATUS_GROUP, PatternType.LITERAL),
                allow(principal, AclOperation.READ)));
        return bindings;
    }

    private static AclBinding topic(Topic<?> topic, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic.name(), PatternType.LITERAL), allow(principal, operation));
    }

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }
}
