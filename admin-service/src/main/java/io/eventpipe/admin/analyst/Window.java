package io.eventpipe.admin.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.web.JsonResponses;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which records of a topic an analyst means: a time window [from, to) on record timestamps, or
 * offset ranges [from, to) per partition. Absent ends are the topic's beginning and its current end.
 */
public record Window(Instant from, Instant to, Map<Integer, OffsetRange> offsets) {

    /** Offsets of one partition, end exclusive; null ends are the partition's beginning or end. */
    public record OffsetRange(Long from, Long to) {
    }

    public Window {
        offsets = offsets == null ? null : Map.copyOf(offsets);
    }

    public boolean byOffsets() {
        return offsets != null;
    }

    /** {"from": time, "to": time} or {"offsets": {"0": {"from": 10, "to": 20}, ...}}. */
    public static Window fromJson(JsonNode request) throws ApiProblem {
        JsonNode offsets = request.path("offsets");
        if (offsets.isObject()) {
            if (request.hasNonNull("from") || request.hasNonNull("to")) {
                throw invalid("give a time window (from, to) or offsets, not both");
            }
            Map<Integer, OffsetRange> ranges = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = offsets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                ranges.put(partition(entry.getKey()), new OffsetRange(offset(entry.getValue().get("from")),
                        offset(entry.getValue().get("to"))));
            }
            if (ranges.isEmpty()) {
                throw invalid("offsets names no partition");
            }
            return checked(new Window(null, null, ranges));
        }
        return checked(new Window(time(request.path("from").asText(null), "from"), time(request.path("to").asText(null), "to"), null));
    }

    /** Query parameters: from, to (times) or partition with fromOffset and toOffset. */
    public static Window fromQuery(Map<String, String> query) throws ApiProblem {
        if (query.containsKey("partition")) {
            return checked(new Window(null, null, Map.of(partition(query.get("partition")),
                    new OffsetRange(offset(query.get("fromOffset")), offset(query.get("toOffset"))))));
        }
        return checked(new Window(time(query.get("from"), "from"), time(query.get("to"), "to"), null));
    }

    private static Window checked(Window window) throws ApiProblem {
        if (window.from != null && window.to != null && !window.from.isBefore(window.to)) {
            throw invalid("from must be before to");
        }
        if (window.offsets != null) {
            for (OffsetRange range : window.offsets.values()) {
                if (range.from() != null && range.to() != null && range.from() > range.to()) {
                    throw invalid("an offset range starts after its end");
                }
            }
        }
        return window;
    }

    private static Instant time(String text, String field) throws ApiProblem {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is an ISO-8601 instant such as 2026-11-24T09:00:00Z");
        }
    }

    private static int partition(String text) throws ApiProblem {
        try {
            int partition = Integer.parseInt(text);
            if (partition < 0) {
                throw invalid("a partition is a number from 0");
            }
            return partition;
        } catch (NumberFormatException e) {
            throw invalid("a partition is a number from 0");
        }
    }

    private static Long offset(Object value) throws ApiProblem {
        if (value == null || value instanceof JsonNode node && node.isNull()) {
            return null;
        }
        String text = value instanceof JsonNode node ? node.asText() : value.toString();
        try {
            long offset = Long.parseLong(text);
            if (offset < 0) {
                throw invalid("an offset is a number from 0");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid("an offset is a number from 0");
        }
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(422, JsonResponses.error("invalid_window", message));
    }
}
