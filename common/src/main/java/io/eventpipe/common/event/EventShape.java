package io.eventpipe.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.common.crypto.Hex;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structure of the event JSON of CONTRACT 2.5: fields, types and bounds, all violations at
 * once. Semantics (label configs, uploaded media, relays) are checked elsewhere, with the state
 * they need. The relay checks this to answer 400 early; the processors check it again.
 */
public final class EventShape {

    public static final int MAX_MEDIA = 32;
    public static final int MAX_NOTE_CHARS = 4096;
    public static final int MAX_ANNOTATIONS = 256;
    public static final int MAX_ID_CHARS = 128;
    public static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> FIELDS = Set.of("eventId", "capturedAt", "labelConfig", "annotations", "location", "media", "note");
    private static final Set<String> REQUIRED = Set.of("eventId", "capturedAt", "labelConfig", "annotations", "media");

    private EventShape() {
    }

    public static List<Violation> check(JsonNode event) {
        List<Violation> violations = new ArrayList<>();
        if (event == null || !event.isObject()) {
            violations.add(new Violation("NOT_AN_OBJECT", "", "the event must be a JSON object"));
            return violations;
        }
        for (String field : REQUIRED) {
            if (!event.has(field) || event.get(field).isNull()) {
                violations.add(new Violation("MISSING_FIELD", "/" + field, field + " is required"));
            }
        }
        Iterator<String> names = event.fieldNames();
        names.forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                violations.add(new Violation("UNKNOWN_FIELD", "/" + escape(name), "field not defined by the event format"));
            }
        });
        checkEventId(event.get("eventId"), violations);
        checkCapturedAt(event.get("capturedAt"), violations);
        checkLabelConfig(event.get("labelConfig"), violations);
        checkAnnotations(event.get("annotations"), violations);
        checkLocation(event.get("location"), violations);
        checkMedia(event.get("media"), violations);
        checkNote(event.get("note"), violations);
        return violations;
    }

    private static void checkEventId(JsonNode id, List<Violation> out) {
        if (present(id) && !(id.isTextual() && UUID.matcher(id.textValue()).matches())) {
            out.add(new Violation("INVALID_TYPE", "/eventId", "eventId must be a UUID string"));
        }
    }

    private static void checkCapturedAt(JsonNode at, List<Violation> out) {
        if (!present(at)) {
            return;
        }
        if (!at.isTextual() || !isRfc3339(at.textValue())) {
            out.add(new Violation("INVALID_TYPE", "/capturedAt", "capturedAt must be an RFC 3339 date-time with offset"));
        }
    }

    private static void checkLabelConfig(JsonNode config, List<Violation> out) {
        if (!present(config)) {
            return;
        }
        if (!config.isObject()) {
            out.add(new Violation("INVALID_TYPE", "/labelConfig", "labelConfig must be an object {id, version}"));
            return;
        }
        JsonNode id = config.get("id");
        if (id == null || !id.isTextual() || id.textValue().isBlank() || id.textValue().length() > MAX_ID_CHARS) {
            out.add(new Violation("INVALID_TYPE", "/labelConfig/id", "labelConfig.id must be a non-empty string of at most "
                    + MAX_ID_CHARS + " characters"));
        }
        JsonNode version = config.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            out.add(new Violation("INVALID_TYPE", "/labelConfig/version", "labelConfig.version must be an integer >= 1"));
        }
        if (config.size() > 2) {
            out.add(new Violation("UNKNOWN_FIELD", "/labelConfig", "labelConfig has only id and version"));
        }
    }

    private static void checkAnnotations(JsonNode annotations, List<Violation> out) {
        if (!present(annotations)) {
            return;
        }
        if (!annotations.isObject()) {
            out.add(new Violation("INVALID_TYPE", "/annotations", "annotations must be an object of label name to value"));
            return;
        }
        if (annotations.size() > MAX_ANNOTATIONS) {
            out.add(new Violation("TOO_MANY", "/annotations", "at most " + MAX_ANNOTATIONS + " annotations"));
        }
        annotations.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                out.add(new Violation("INVALID_TYPE", "/annotations/" + escape(entry.getKey()),
                        "an annotation value is a string, number or boolean"));
            }
        });
    }

    private static void checkLocation(JsonNode location, List<Violation> out) {
        if (location == null || location.isNull()) {
            return;
        }
        if (!location.isObject()) {
            out.add(new Violation("INVALID_TYPE", "/location", "location must be an object {lat, lon, accuracyM}"));
            return;
        }
        checkRange(location.get("lat"), -90, 90, "/location/lat", true, out);
        checkRange(location.get("lon"), -180, 180, "/location/lon", true, out);
        checkRange(location.get("accuracyM"), 0, Double.MAX_VALUE, "/location/accuracyM", false, out);
    }

    private static void checkRange(JsonNode value, double min, double max, String field, boolean required, List<Violation> out) {
        if (value == null) {
            if (required) {
                out.add(new Violation("MISSING_FIELD", field, field.substring(field.lastIndexOf('/') + 1) + " is required"));
            }
            return;
        }
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            out.add(new Violation("OUT_OF_RANGE", field, "must be a number in [" + min + ", " + max + "]"));
        }
    }

    private static void checkMedia(JsonNode media, List<Violation> out) {
        if (!present(media)) {
            return;
        }
        if (!media.isArray()) {
            out.add(new Violation("INVALID_TYPE", "/media", "media must be an array of {sha256, contentType, size}"));
            return;
        }
        if (media.size() > MAX_MEDIA) {
            out.add(new Violation("TOO_MANY", "/media", "at most " + MAX_MEDIA + " media objects"));
        }
        for (int i = 0; i < media.size(); i++) {
            checkMediaItem(media.get(i), "/media/" + i, out);
        }
    }

    private static void checkMediaItem(JsonNode item, String field, List<Violation> out) {
        if (!item.isObject()) {
            out.add(new Violation("INVALID_TYPE", field, "a media entry must be an object"));
            return;
        }
        JsonNode sha = item.get("sha256");
        if (sha == null || !sha.isTextual() || !Hex.isSha256(sha.textValue())) {
            out.add(new Violation("INVALID_TYPE", field + "/sha256", "sha256 must be 64 lower-case hex digits"));
        }
        JsonNode type = item.get("contentType");
        if (type == null || !type.isTextual() || type.textValue().isBlank() || type.textValue().length() > MAX_ID_CHARS) {
            out.add(new Violation("INVALID_TYPE", field + "/contentType", "contentType must be a media type string"));
        }
        JsonNode size = item.get("size");
        if (size == null || !size.isIntegralNumber() || size.longValue() < 0 || size.longValue() > MAX_MEDIA_BYTES) {
            out.add(new Violation("INVALID_TYPE", field + "/size", "size must be an integer from 0 to " + MAX_MEDIA_BYTES));
        }
    }

    private static void checkNote(JsonNode note, List<Violation> out) {
        if (note == null || note.isNull()) {
            return;
        }
        if (!note.isTextual() || note.textValue().length() > MAX_NOTE_CHARS) {
            out.add(new Violation("INVALID_TYPE", "/note", "note must be a string of at most " + MAX_NOTE_CHARS + " characters"));
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean isRfc3339(String text) {
        try {
            OffsetDateTime.parse(text);
            return text.length() <= 64 && (text.charAt(10) == 'T' || text.charAt(10) == 't');
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** JSON pointer escaping (RFC 6901), so a hostile key cannot forge another path. */
    private static String escape(String key) {
        String escaped = key.replace("~", "~0").replace("/", "~1");
        return escaped.length() > MAX_ID_CHARS ? escaped.substring(0, MAX_ID_CHARS) + "..." : escaped;
    }
}
