package io.eventpipe.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"eventId": "6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10",
                 "capturedAt": "2026-11-24T08:15:30.123+01:00",
                 "labelConfig": {"id": "wildlife", "version": 3},
                 "annotations": {"species": "otter", "count": 2, "confirmed": true},
                 "location": {"lat": 52.52, "lon": 13.405, "accuracyM": 8.5},
                 "media": [{"sha256": "%s", "contentType": "image/jpeg", "size": 123456}],
                 "note": "near the bridge"}
                """.formatted("ab".repeat(32)));
    }

    private static List<String> codesAt(JsonNode event) {
        return EventShape.check(event).stream().map(v -> v.code() + " " + v.field()).toList();
    }

    @Test
    void theContractExampleIsValid() throws Exception {
        assertThat(EventShape.check(valid())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        ObjectNode event = valid();
        event.remove(List.of("location", "note"));
        event.putArray("media");
        assertThat(EventShape.check(event)).isEmpty();
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
        assertThat(codesAt(JSON.createObjectNode())).containsExactlyInAnyOrder(
                "MISSING_FIELD /eventId", "MISSING_FIELD /capturedAt", "MISSING_FIELD /labelConfig",
                "MISSING_FIELD /annotations", "MISSING_FIELD /media");
    }

    @Test
    void wrongTypesAreReportedByPointer() throws Exception {
        ObjectNode event = valid();
        event.put("eventId", 42);
        event.put("capturedAt", "yesterday");
        event.putObject("labelConfig").put("id", "").put("version", 1.5);
        event.putArray("annotations");
        event.putObject("location").put("lat", 91).put("lon", "east");
        event.putArray("media").addObject().put("sha256", "../../etc/passwd").put("contentType", "image/jpeg").put("size", -1);
        event.put("note", 7);
        assertThat(codesAt(event)).containsExactlyInAnyOrder(
                "INVALID_TYPE /eventId", "INVALID_TYPE /capturedAt", "INVALID_TYPE /labelConfig/id",
                "INVALID_TYPE /labelConfig/version", "INVALID_TYPE /annotations", "OUT_OF_RANGE /location/lat",
                "OUT_OF_RANGE /location/lon", "INVALID_TYPE /media/0/sha256", "INVALID_TYPE /media/0/size", "INVALID_TYPE /note");
    }

    @Test
    void unknownFieldsAndNestedValuesAreRefused() throws Exception {
        ObjectNode event = valid();
        event.put("a/b", 1);
        ((ObjectNode) event.get("annotations")).putObject("nested");
        assertThat(codesAt(event)).containsExactlyInAnyOrder("UNKNOWN_FIELD /a~1b", "INVALID_TYPE /annotations/nested");
    }

    @Test
    void notAnObjectIsOneViolation() throws Exception {
        assertThat(codesAt(JSON.readTree("[1,2]"))).containsExactly("NOT_AN_OBJECT ");
    }

    @Test
    void limitsAreEnforced() throws Exception {
        ObjectNode event = valid();
        event.put("note", "x".repeat(EventShape.MAX_NOTE_CHARS + 1));
        var media = event.putArray("media");
        for (int i = 0; i <= EventShape.MAX_MEDIA; i++) {
            media.addObject().put("sha256", "cd".repeat(32)).put("contentType", "image/png").put("size", 1);
        }
        assertThat(codesAt(event)).containsExactlyInAnyOrder("INVALID_TYPE /note", "TOO_MANY /media");
    }
}
