package io.eventpipe.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class TopicProvisionerIT {

    @Test
    void createsEveryTopicAndSubjectOnceAndIsIdempotent(TestServers servers) throws Exception {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, registry, (short) 1);

            TopicProvisioner.Report first = provisioner.provision(Topics.ALL);
            TopicProvisioner.Report second = provisioner.provision(Topics.ALL);

            assertThat(first.createdTopics()).hasSize(Topics.ALL.size());
            assertThat(second.createdTopics()).isEmpty();
            assertThat(second.schemaIds()).isEqualTo(first.schemaIds());

            Map<String, TopicDescription> described = admin.describeTopics(Topics.ALL.stream().map(Topic::name).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            for (Topic<?> topic : Topics.ALL) {
                assertThat(described.get(topic.name()).partitions()).hasSize(topic.defaultPartitions());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                String policy = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                        .get(resource).get("cleanup.policy").value();
                assertThat(policy).as(topic.name()).isEqualTo(topic.cleanupPolicy().configValue());
                assertThat(registry.compatibility(topic.valueSubject())).isEqualTo("BACKWARD");
            }
        }
    }
}
