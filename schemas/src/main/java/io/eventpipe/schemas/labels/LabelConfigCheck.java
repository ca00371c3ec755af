package io.eventpipe.schemas.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a label configuration as an admin submits it, before anything is stored or published:
 * every problem is reported with the JSON pointer of its field.
 */
public final class LabelConfigCheck {

    public static final int MAX_LABELS = 100;
    public static final int MAX_PATTERN_CHARS = 500;
    public static final int MAX_TEXT_LENGTH = 10_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<String> TYPES = Set.of("TEXT", "NUMBER", "INTEGER", "BOOLEAN", "ENUM", "DATE");

    private LabelConfigCheck() {
    }

    /** One problem with the submitted configuration. */
    public record Problem(String field, String message) {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Problems of {name, description?, labels: [...]}; empty when it can be published. */
    public static List<Problem> check(JsonNode config) {
        List<Problem> problems = new ArrayList<>();
        if (config == null || !config.isObject()) {
            problems.add(new Problem("", "a label configuration is a JSON object"));
            return problems;
        }
        JsonNode name = config.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 200) {
            problems.add(new Problem("/name", "name is a non-empty string of at most 200 characters"));
        }
        JsonNode description = config.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            problems.add(new Problem("/description", "description is a string"));
        }
        JsonNode labels = config.get("labels");
        if (labels == null || !labels.isArray() || labels.isEmpty() || labels.size() > MAX_LABELS) {
            problems.add(new Problem("/labels", "labels is an array of 1 to " + MAX_LABELS + " label definitions"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            checkLabel(labels.get(i), "/labels/" + i, names, problems);
        }
        return problems;
    }

    private static void checkLabel(JsonNode label, String at, Set<String> names, List<Problem> problems) {
        if (!label.isObject()) {
            problems.add(new Problem(at, "a label definition is an object"));
            return;
        }
        String name = label.path("name").asText("");
        if (!label.path("name").isTextual() || !LABEL_NAME.matcher(name).matches()) {
            problems.add(new Problem(at + "/name", "a label name is a letter then letters, digits or _ (at most 64)"));
        } else if (!names.add(name)) {
            problems.add(new Problem(at + "/name", "label " + name + " is defined twice"));
        }
        String type = label.path("type").asText("");
        if (!TYPES.contains(type)) {
            problems.add(new Problem(at + "/type", "type is one of " + TYPES));
            return;
        }
        if (label.has("required") && !label.get("required").isBoolean()) {
            problems.add(new Problem(at + "/required", "required is true or false"));
        }
        checkEnum(label, type, at, problems);
        checkRange(label, type, at, problems);
        checkText(label, type, at, problems);
    }

    private static void checkEnum(JsonNode label, String type, String at, List<Problem> problems) {
        JsonNode values = label.get("enumValues");
        boolean present = values != null && !values.isNull() && !(values.isArray() && values.isEmpty());
        if (!"ENUM".equals(type)) {
            if (present) {
                problems.add(new Problem(at + "/enumValues", "enumValues belong to ENUM labels only"));
            }
            return;
        }
        if (!present || !values.isArray()) {
            problems.add(new Problem(at + "/enumValues", "an ENUM label lists its values"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode value : values) {
            if (!value.isTextual() || value.asText().isEmpty() || !seen.add(value.asText())) {
                problems.add(new Problem(at + "/enumValues", "enum values are distinct non-empty strings"));
                return;
            }
        }
    }

    private static void checkRange(JsonNode label, String type, String at, List<Problem> problems) {
        boolean numeric = "NUMBER".equals(type) || "INTEGER".equals(type);
        for (String bound : List.of("min", "max")) {
            JsonNode value = label.get(bound);
            if (value != null && !value.isNull() && (!numeric || !value.isNumber())) {
                problems.add(new Problem(at + "/" + bound, bound + " is a number, for NUMBER and INTEGER labels only"));
            }
        }
        if (label.path("min").isNumber() && label.path("max").isNumber() && label.get("min").asDouble() > label.get("max").asDouble()) {
            problems.add(new Problem(at + "/min", "min is above max"));
        }
    }

    private static void checkText(JsonNode label, String type, String at, List<Problem> problems) {
        boolean text = "TEXT".equals(type);
        JsonNode pattern = label.get("pattern");
        if (pattern != null && !pattern.isNull()) {
            if (!text || !pattern.isTextual() || pattern.asText().length() > MAX_PATTERN_CHARS) {
                problems.add(new Problem(at + "/pattern", "pattern is a regular expression of at most " + MAX_PATTERN_CHARS
                        + " characters, for TEXT labels only"));
            } else {
                try {
                    Pattern.compile(pattern.asText());
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(at + "/pattern", "pattern is not a valid regular expression: " + e.getDescription()));
                }
            }
        }
        JsonNode maxLength = label.get("maxLength");
        if (maxLength != null && !maxLength.isNull()
                && (!text || !maxLength.isInt() || maxLength.asInt() < 1 || maxLength.asInt() > MAX_TEXT_LENGTH)) {
            problems.add(new Problem(at + "/maxLength", "maxLength is 1.." + MAX_TEXT_LENGTH + ", for TEXT labels only"));
        }
    }
}
