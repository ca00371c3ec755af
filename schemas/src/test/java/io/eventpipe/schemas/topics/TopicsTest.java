package io.eventpipe.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicsTest {

    /** CONTRACT section 1, row by row: name, key, value type, cleanup. */
    @Test
    void catalogueIsTheContractTable() {
        Map<String, String> rows = Topics.ALL.stream().collect(Collectors.toMap(Topic::name,
                t -> t.keyDescription() + " " + t.valueType().getSimpleName() + " " + t.cleanupPolicy().configValue()));
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(
                "events.incoming", "deviceId EventPackage delete",
                "events.validated", "eventId ValidatedEvent delete",
                "events.rejected", "eventId RejectedEvent delete",
                "events.results", "eventId EventResult delete",
                "anchor.receipts", "eventId AnchorReceipt compact",
                "config.labels", "labelConfigId LabelConfig compact",
                "relays.registry", "relayId RelayRecord compact"));
    }

    @Test
    void subjectsFollowTopicNameStrategy() {
        assertThat(Topics.EVENTS_INCOMING.valueSubject()).isEqualTo("events.incoming-value");
        assertThat(Topics.byName("anchor.receipts")).contains(Topics.ANCHOR_RECEIPTS);
        assertThat(Topics.byName("nope")).isEmpty();
    }

    @Test
    void topicConfigsCarryTheCleanupPolicy() {
        assertThat(Topics.CONFIG_LABELS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.EVENTS_INCOMING.configs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
    }

    /** The .avsc files are the single source of truth: each generated class carries exactly its file's schema. */
    @Test
    void generatedSchemasAreTheAvscFiles() throws IOException {
        Path dir = Path.of("avro");
        for (Topic<?> topic : Topics.ALL) {
            Path file = dir.resolve(topic.valueType().getSimpleName() + ".avsc");
            Schema.Parser parser = new Schema.Parser();
            // named types defined in other files must be known first
            parser.parse(dir.resolve("MediaRef.avsc").toFile());
            if (!topic.valueType().getSimpleName().equals("RejectedEvent")) {
                parser.parse(dir.resolve("RejectedEvent.avsc").toFile());
            }
            Schema fromFile = parser.parse(file.toFile());
            assertThat(topic.valueSchema()).as(file.toString()).isEqualTo(fromFile);
        }
    }

    @Test
    void everyAvscFileBelongsToTheCatalogue() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("avro"))) {
            var names = files.map(p -> p.getFileName().toString().replace(".avsc", "")).collect(Collectors.toSet());
            var values = Topics.ALL.stream().map(t -> t.valueType().getSimpleName()).collect(Collectors.toSet());
            assertThat(names).containsAll(values);
            names.removeAll(values);
            assertThat(names).as("shared types only").containsExactly("MediaRef");
        }
    }
}
