package io.eventpipe.admin.dashboard;

import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.web.JsonResponses;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server-side filter of a dashboard view: kinds (event, rejection, result, receipt), relay,
 * device, status, rejection reason, event id, and a free-text search over the line. Empty
 * criteria match everything.
 */
public record FeedFilter(Set<FeedItem.Kind> kinds, String relayId, String deviceId, String status, String reason, String eventId,
                         String text) {

    static final int MAX_CRITERION_LENGTH = 200;

    public static final FeedFilter ALL = new FeedFilter(EnumSet.allOf(FeedItem.Kind.class), null, null, null, null, null, null);

    /** From query parameters: kind=event,rejection&relayId=&deviceId=&status=&reason=&eventId=&q=. */
    public static FeedFilter fromQuery(Map<String, String> query) throws ApiProblem {
        for (String value : query.values()) {
            if (value != null && value.length() > MAX_CRITERION_LENGTH) {
                throw new ApiProblem(400, JsonResponses.error("bad_query", "a filter criterion is at most " + MAX_CRITERION_LENGTH
                        + " characters"));
            }
        }
        Set<FeedItem.Kind> kinds = EnumSet.noneOf(FeedItem.Kind.class);
        String kindList = query.get("kind");
        if (kindList == null || kindList.isBlank()) {
            kinds = EnumSet.allOf(FeedItem.Kind.class);
        } else {
            for (String kind : kindList.split(",")) {
                try {
                    kinds.add(FeedItem.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ApiProblem(400, JsonResponses.error("bad_query", "kind is a list of event, rejection, result, receipt"));
                }
            }
        }
        return new FeedFilter(kinds, blankToNull(query.get("relayId")), blankToNull(query.get("deviceId")),
                upper(query.get("status")), upper(query.get("reason")), blankToNull(query.get("eventId")),
                query.get("q") == null || query.get("q").isBlank() ? null : query.get("q").toLowerCase(Locale.ROOT));
    }

    public boolean matches(FeedItem item) {
        return kinds.contains(item.kind())
                && (relayId == null || relayId.equals(item.relayId()))
                && (deviceId == null || deviceId.equals(item.deviceId()))
                && (status == null || status.equals(item.status()))
                && (reason == null || item.reasons().contains(reason))
                && (eventId == null || eventId.equals(item.eventId()))
                && (text == null || item.json().toString().toLowerCase(Locale.ROOT).contains(text));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.toUpperCase(Locale.ROOT);
    }
}
