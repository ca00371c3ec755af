package io.eventpipe.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * The object storage layout of CONTRACT 4, in one place: media/{sha256},
 * events/{yyyy}/{MM}/{dd}/{eventId}.json (with its envelope in a sibling .meta.json) and
 * receipts/{eventId}.json. Keys are built only from checked values, so no input can reach
 * outside its prefix.
 */
public final class ObjectKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ObjectKeys() {
    }

    public static String media(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a media key is 64 lower-case hex digits");
        }
        return "media/" + sha256;
    }

    /** The archived event; its day is that of receivedAt in UTC, which never changes for an event. */
    public static String event(String eventId, Instant receivedAt) {
        ZonedDateTime day = receivedAt.atZone(ZoneOffset.UTC);
        return String.format("events/%04d/%02d/%02d/%s.json", day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                checkedEventId(eventId));
    }

    /** The envelope of an archived event, next to it. */
    public static String eventMeta(String eventId, Instant receivedAt) {
        String event = event(eventId, receivedAt);
        return event.substring(0, event.length() - ".json".length()) + ".meta.json";
    }

    public static String receipt(String eventId) {
        return "receipts/" + checkedEventId(eventId) + ".json";
    }

    private static String checkedEventId(String eventId) {
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("an eventId is a UUID");
        }
        return eventId;
    }
}
