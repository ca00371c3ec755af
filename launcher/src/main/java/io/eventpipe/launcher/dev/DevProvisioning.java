package io.eventpipe.launcher.dev;

import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.RelayStatement;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.RelayAcls;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/** What the local stack writes into a fresh or restarted broker before the services start. */
public final class DevProvisioning {

    private DevProvisioning() {
    }

    /**
     * Topics, schemas and the local relay's ACLs; the sample label configuration on first start;
     * the local relay's entry signed by the root. True when the sample was published now.
     */
    public static boolean provision(String bootstrap, String registryUrl, DevTrust trust, String relayUrl) {
        SchemaRegistryClient registryClient = new RestSchemaRegistryClient(registryUrl);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicProvisioner(admin, registryClient, (short) 1).provision(Topics.ALL);
            admin.createAcls(RelayAcls.forRelay(DevTrust.RELAY_ID)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot grant the relay its ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while granting ACLs", e);
        }
        boolean sample = publishSampleOnFirstStart(bootstrap, registryClient);
        publishApprovedRelay(bootstrap, registryClient, trust, relayUrl);
        return sample;
    }

    /**
     * The local relay, approved and signed by the root, as admin-service does for the relays it
     * provisions: relays serve these entries as discovery (GET /v1/relays).
     */
    private static void publishApprovedRelay(String bootstrap, SchemaRegistryClient registryClient, DevTrust trust, String relayUrl) {
        try (KafkaProducer<String, RelayRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                Serdes.String().serializer(), Topics.RELAYS_REGISTRY.valueSerde(registryClient).serializer())) {
            X509Certificate certificate = trust.relayCertificate();
            Instant now = Instant.now();
            RelayStatement statement = new RelayStatement(DevTrust.RELAY_ID, "Local relay", RelayStatus.APPROVED.name(), relayUrl,
                    Credentials.fingerprint(certificate), now);
            RelayRecord record = RelayRecord.newBuilder()
                    .setRelayId(DevTrust.RELAY_ID).setName(statement.name()).setStatus(RelayStatus.APPROVED)
                    .setEndpoint(statement.endpoint()).setCertificatePem(Pem.encode(certificate))
                    .setCertificateFingerprint(statement.certificateFingerprint()).setApprovedAt(now).setUpdatedAt(now)
                    .setRootSignature(statement.sign(trust.root().privateKey())).build();
            producer.send(new ProducerRecord<>(Topics.RELAYS_REGISTRY.name(), DevTrust.RELAY_ID, record)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the local relay's registration: " + e.getMessage(), e);
        }
    }

    private static boolean publishSampleOnFirstStart(String bootstrap, SchemaRegistryClient registryClient) {
        try (KafkaProducer<String, LabelConfig> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                Serdes.String().serializer(), Topics.CONFIG_LABELS.valueSerde(registryClient).serializer())) {
            TopicPartition partition = new TopicPartition(Topics.CONFIG_LABELS.name(), 0);
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                    Map.of("bootstrap.servers", bootstrap), Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer())) {
                if (consumer.endOffsets(List.of(partition)).get(partition) > 0) {
                    return false; // configurations exist: never overwrite an admin's work
                }
            }
            producer.send(new ProducerRecord<>(Topics.CONFIG_LABELS.name(), SampleLabelConfig.ID,
                    SampleLabelConfig.create(Instant.now()))).get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the sample label configuration: " + e.getMessage(), e);
        }
    }
}
