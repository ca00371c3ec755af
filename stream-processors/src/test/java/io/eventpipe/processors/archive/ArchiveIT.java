package io.eventpipe.processors.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.processors.ProcessorsFixture;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.storage.S3Settings;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.KafkaReads;
import io.eventpipe.testkit.TestServers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The archive app on the real broker and S3Proxy: objects of CONTRACT 4, STORED results, idempotence. */
@ExtendWith(RealServers.class)
class ArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validatedEventsAreArchivedWithTheirEnvelopeAndStored(TestServers servers, @TempDir Path dir) throws Exception {
        byte[] photo = new byte[4096];
        new Random(7).nextBytes(photo);
        String sha256 = Sha256.hex(photo);
        try (S3Client s3 = servers.s3().newClient(); ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            s3.putObject(b -> b.bucket(TestServers.BUCKET).key("media/" + sha256), RequestBody.fromBytes(photo));
            fixture.publishLabelConfig();
            fixture.start("a");
            String media = "[{\"sha256\":\"" + sha256 + "\",\"contentType\":\"image/jpeg\",\"size\":4096}]";
            String missing = "f".repeat(64);
            String withMedia = fixture.submit("device-1", null, media);
            String withMissingMedia = fixture.submit("device-1", null, media.replace(sha256, missing));
            fixture.awaitStatus(List.of(withMedia, withMissingMedia), EventStatus.STORED, Duration.ofSeconds(60));

            EventResult stored = stored(fixture, withMedia);
            String key = stored.getStorage().getKey();
            assertThat(key).matches("events/\\d{4}/\\d{2}/\\d{2}/" + withMedia + "\\.json");
            assertThat(stored.getReasons()).isEmpty();
            var object = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key(key));
            assertThat(Sha256.hex(object.asByteArray())).isEqualTo(stored.getEventHash());
            assertThat(object.response().metadata()).containsEntry("event-hash", stored.getEventHash())
                    .containsEntry("device-id", "device-1").containsEntry("relay-id", "relay-1")
                    .containsEntry("label-config", fixture.labelConfigId() + "@1").containsKey("certificate-fingerprint");
            JsonNode meta = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET)
                    .key(key.replace(".json", ".meta.json"))).asByteArray());
            assertThat(meta.get("eventHash").asText()).isEqualTo(stored.getEventHash());
            assertThat(meta.get("media").get(0).get("present").asBoolean()).isTrue();

            EventResult incomplete = stored(fixture, withMissingMedia);
            assertThat(incomplete.getReasons()).extracting(RejectionReason::getCode).containsExactly("MEDIA_MISSING");
            JsonNode incompleteMeta = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET)
                    .key(incomplete.getStorage().getKey().replace(".json", ".meta.json"))).asByteArray());
            assertThat(incompleteMeta.get("media").get(0).get("present").asBoolean()).isFalse();
        }
    }

    @Test
    void unreadableRecordsAndImpostorsGoToTheDlqAndTheArchiveGoesOn(TestServers servers, @TempDir Path dir) throws Exception {
        byte[] garbage = "\0\0\0\0\1 not avro".getBytes(StandardCharsets.ISO_8859_1);
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()),
                     Serdes.String().serializer(), Serdes.ByteArray().serializer());
             KafkaConsumer<String, RejectedEvent> dlq = new KafkaConsumer<>(Map.of("bootstrap.servers",
                     servers.kafka().bootstrapServers(), "isolation.level", "read_committed"), Serdes.String().deserializer(),
                     Topics.EVENTS_REJECTED.valueSerde(fixture.registry()).deserializer())) {
            KafkaReads.fromEnd(dlq, Topics.EVENTS_REJECTED.name());
            fixture.publishLabelConfig();
            fixture.start("a");
            raw.send(new ProducerRecord<>(Topics.EVENTS_VALIDATED.name(), "poison", garbage)).get(30, TimeUnit.SECONDS);
            String after = fixture.submit();
            fixture.awaitStatus(List.of(after), EventStatus.STORED, Duration.ofSeconds(60));
            // another event under an archived event's id: the archived one stays, the impostor is dead-lettered
            String impostorBody = "{\"eventId\":\"" + after + "\",\"forged\":true}";
            String[] day = stored(fixture, after).getStorage().getKey().split("/");
            Instant sameDay = Instant.parse(day[1] + "-" + day[2] + "-" + day[3] + "T12:00:00Z");
            ValidatedEvent impostorEvent = ValidatedEvent.newBuilder(event(after, impostorBody)).setReceivedAt(sameDay).build();
            fixture.publish(Topics.EVENTS_VALIDATED, after, impostorEvent);

            List<RejectedEvent> fromArchive = new java.util.ArrayList<>();
            Await.until("the unreadable record and the impostor in the DLQ", Duration.ofSeconds(30), () -> {
                for (var record : dlq.poll(Duration.ofMillis(200))) {
                    var source = record.value().getSource();
                    if (source != null && Topics.EVENTS_VALIDATED.name().equals(source.getTopic())) {
                        fromArchive.add(record.value());
                    }
                }
                return fromArchive.size() >= 2;
            });
            RejectedEvent pill = fromArchive.get(0);
            assertThat(pill.getReasons()).extracting(RejectionReason::getCode).containsExactly("UNREADABLE_RECORD");
            assertThat(pill.getRawPayload()).isEqualTo(ByteBuffer.wrap(garbage));
            RejectedEvent impostor = fromArchive.get(1);
            assertThat(impostor.getEventId()).isEqualTo(after);
            assertThat(impostor.getReasons()).extracting(RejectionReason::getCode).containsExactly("ARCHIVE_CONFLICT");
            assertThat(fixture.drainResults().get(after)).extracting(EventResult::getStatus)
                    .containsExactly(EventStatus.ACCEPTED, EventStatus.STORED);
        }
    }

    private static EventResult stored(ProcessorsFixture fixture, String eventId) {
        return fixture.results().get(eventId).stream().filter(r -> r.getStatus() == EventStatus.STORED).findFirst().orElseThrow();
    }

    @Test
    void archivingAgainChangesNothingAndAnotherEventCannotTakeTheKey(TestServers servers) throws Exception {
        S3Settings settings = new S3Settings(servers.s3().endpoint(), "us-east-1", TestServers.BUCKET,
                servers.s3().credentials().accessKey(), servers.s3().credentials().secretKey());
        String eventId = UUID.randomUUID().toString();
        ValidatedEvent event = event(eventId, "{\"eventId\":\"" + eventId + "\"}");
        try (EventArchive archive = new EventArchive(settings); S3Client s3 = servers.s3().newClient()) {
            EventArchive.Archived first = archive.archive(event);
            var before = s3.headObject(b -> b.bucket(TestServers.BUCKET).key(first.key()));

            EventArchive.Archived again = archive.archive(event);
            assertThat(again).isEqualTo(first);
            assertThat(again.conflict()).isFalse();
            assertThat(s3.headObject(b -> b.bucket(TestServers.BUCKET).key(first.key())).lastModified()).isEqualTo(before.lastModified());

            EventArchive.Archived impostor = archive.archive(event(eventId, "{\"eventId\":\"" + eventId + "\",\"x\":1}"));
            assertThat(impostor.conflict()).isTrue();
            byte[] kept = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key(first.key())).asByteArray();
            assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"" + eventId + "\"}");
        }
    }

    private static ValidatedEvent event(String eventId, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-02-03T04:05:06Z");
        return ValidatedEvent.newBuilder().setEventId(eventId).setDeviceId("d").setRelayId("r").setReceivedAt(at).setValidatedAt(at)
                .setEventHash(Sha256.hex(bytes)).setCanonicalJson(ByteBuffer.wrap(bytes)).setMedia(List.of()).build();
    }
}
