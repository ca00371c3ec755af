package io.eventpipe.admin.analyst;

import io.eventpipe.schemas.registry.RecordJson;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A window of a topic as JSON Lines, values decoded through the schema registry, written as it is
 * read (the answer streams; nothing is held beyond one record). At most {@value #MAX_RECORDS}.
 */
public final class TopicExport {

    public static final int MAX_RECORDS = 1_000_000;
    public static final int DEFAULT_RECORDS = 10_000;

    private final TopicRanges ranges;
    private final RecordJson json;

    public TopicExport(TopicRanges ranges, SchemaRegistryClient registry) {
        this.ranges = ranges;
        this.json = new RecordJson(registry);
    }

    /** Writes the records of the planned ranges, at most limit of them; answers how many. */
    public long write(String topic, List<PartitionRange> plan, long limit, OutputStream out) {
        long[] written = {0};
        ranges.read(topic, plan, record -> {
            try {
                out.write(json.line(record).toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("the client went away during the export", e);
            }
            return ++written[0] < limit;
        });
        return written[0];
    }
}
