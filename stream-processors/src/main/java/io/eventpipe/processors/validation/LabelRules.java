package io.eventpipe.processors.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.RejectionReason;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An event's annotations against the label configuration it cites: the configuration and its
 * version exist and are active, every required label is there, no label is unknown, and every
 * value has its label's type and stays within its constraints. Every problem is a reason.
 */
final class LabelRules {

    private LabelRules() {
    }

    static List<RejectionReason> check(JsonNode event, Optional<LabelConfig> config) {
        String id = event.path("labelConfig").path("id").asText();
        int version = event.path("labelConfig").path("version").asInt();
        if (config.isEmpty()) {
            return List.of(EventValidator.reason(Reasons.UNKNOWN_LABEL_CONFIG, "/labelConfig/id", "no label configuration " + id));
        }
        Optional<LabelConfigVersion> cited = config.get().getVersions().stream().filter(v -> v.getVersion() == version).findFirst();
        if (cited.isEmpty()) {
            return List.of(EventValidator.reason(Reasons.UNKNOWN_LABEL_CONFIG, "/labelConfig/version",
                    "label configuration " + id + " has no version " + version));
        }
        if (cited.get().getStatus() != LabelConfigStatus.ACTIVE) {
            return List.of(EventValidator.reason(Reasons.LABEL_CONFIG_INACTIVE, "/labelConfig/version",
                    "version " + version + " of " + id + " is " + cited.get().getStatus().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return checkAnnotations(event.path("annotations"), cited.get().getLabels());
    }

    private static List<RejectionReason> checkAnnotations(JsonNode annotations, List<LabelDefinition> labels) {
        List<RejectionReason> reasons = new ArrayList<>();
        Map<String, LabelDefinition> byName = new HashMap<>();
        labels.forEach(label -> byName.put(label.getName(), label));
        for (LabelDefinition label : labels) {
            JsonNode value = annotations.get(label.getName());
            if (value == null || value.isNull()) {
                if (label.getRequired()) {
                    reasons.add(EventValidator.reason(Reasons.MISSING_LABEL, pointer(label.getName()), label.getName() + " is required"));
                }
                continue;
            }
            String problem = problem(label, value);
            if (problem != null) {
                reasons.add(EventValidator.reason(Reasons.INVALID_LABEL_VALUE, pointer(label.getName()), problem));
            }
        }
        annotations.fieldNames().forEachRemaining(name -> {
            if (!byName.containsKey(name)) {
                reasons.add(EventValidator.reason(Reasons.UNKNOWN_LABEL, pointer(name), "the label configuration has no label " + name));
            }
        });
        return reasons;
    }

    /** What is wrong with the value for the label, or null. */
    static String problem(LabelDefinition label, JsonNode value) {
        return switch (label.getType()) {
            case TEXT -> text(label, value);
            case NUMBER -> value.isNumber() ? range(label, value.doubleValue()) : "must be a number";
            case INTEGER -> value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                    ? range(label, value.doubleValue()) : "must be an integer";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case ENUM -> value.isTextual() && label.getEnumValues().contains(value.textValue()) ? null
                    : "must be one of " + label.getEnumValues();
            case DATE -> value.isTextual() && isDate(value.textValue()) ? null : "must be a date (YYYY-MM-DD)";
            default -> "label type " + label.getType() + " is not supported by this validator";
        };
    }

    private static String text(LabelDefinition label, JsonNode value) {
        if (!value.isTextual()) {
            return "must be text";
        }
        String text = value.textValue();
        if (label.getMaxLength() != null && text.codePointCount(0, text.length()) > label.getMaxLength()) {
            return "is longer than " + label.getMaxLength() + " characters";
        }
        if (label.getPattern() != null) {
            try {
                if (!Pattern.compile(label.getPattern()).matcher(text).matches()) {
                    return "does not match the pattern " + label.getPattern();
                }
            } catch (PatternSyntaxException e) {
                return "cannot be checked: the label's pattern is invalid";
            }
        }
        return null;
    }

    private static String range(LabelDefinition label, double value) {
        if (label.getMin() != null && value < label.getMin()) {
            return "is below the minimum " + label.getMin();
        }
        if (label.getMax() != null && value > label.getMax()) {
            return "is above the maximum " + label.getMax();
        }
        return null;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String pointer(String label) {
        return "/annotations/" + label.replace("~", "~0").replace("/", "~1");
    }
}
