package io.eventpipe.admin.analyst;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.web.JsonResponses;

/** Offsets [start, end) of one partition; on transactional topics some offsets are markers, not records. */
public record PartitionRange(int partition, long start, long end) {

    public long offsets() {
        return Math.max(0, end - start);
    }

    public ObjectNode toJson() {
        return JsonResponses.JSON.createObjectNode().put("partition", partition).put("startOffset", start).put("endOffset", end)
                .put("offsets", offsets());
    }
}
