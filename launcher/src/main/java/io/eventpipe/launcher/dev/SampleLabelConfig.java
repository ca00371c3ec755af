package io.eventpipe.launcher.dev;

import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import java.time.Instant;
import java.util.List;

/** The label configuration a fresh local stack starts with, so the capture app works at once. */
final class SampleLabelConfig {

    static final String ID = "field-observation";

    private SampleLabelConfig() {
    }

    static LabelConfig create(Instant now) {
        List<LabelDefinition> labels = List.of(
                label("species", LabelType.TEXT, true, "What was observed").setMaxLength(120).build(),
                label("count", LabelType.INTEGER, true, "How many").setMin(1.0).setMax(10_000.0).build(),
                label("condition", LabelType.ENUM, false, "State of what was observed")
                        .setEnumValues(List.of("healthy", "injured", "dead", "unknown")).build(),
                label("confirmed", LabelType.BOOLEAN, false, "Identification confirmed").build());
        LabelConfigVersion version = LabelConfigVersion.newBuilder()
                .setVersion(1)
                .setStatus(LabelConfigStatus.ACTIVE)
                .setLabels(labels)
                .setCreatedAt(now)
                .setCreatedBy("eventpipe dev (sample)")
                .build();
        return LabelConfig.newBuilder()
                .setId(ID)
                .setName("Field observation (sample)")
                .setDescription("Sample configuration published by ./eventpipe dev on first start")
                .setCurrentVersion(1)
                .setVersions(List.of(version))
                .setUpdatedAt(now)
                .build();
    }

    private static LabelDefinition.Builder label(String name, LabelType type, boolean required, String description) {
        return LabelDefinition.newBuilder().setName(name).setType(type).setRequired(required).setDescription(description);
    }
}
