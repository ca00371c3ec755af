package io.eventpipe.processors.validation;

import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import java.util.Optional;

/** What validation looks up: the label configurations and the relay registry (global tables). */
interface References {

    Optional<LabelConfig> labelConfig(String id);

    Optional<RelayRecord> relay(String relayId);
}
