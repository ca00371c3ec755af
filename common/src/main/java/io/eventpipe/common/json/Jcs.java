package io.eventpipe.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme. The event hash of the contract is SHA-256 over these
 * bytes, so the same function must hold on the device (JavaScript), the relay and the verifier.
 */
public final class Jcs {

    /** Strict parsing: duplicate keys and trailing tokens are refused, as I-JSON requires. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    /** Parses JSON text strictly; the error message says what is wrong, never echoing the input. */
    public static JsonNode parse(byte[] json) throws InvalidJsonException {
        try (JsonParser parser = STRICT.createParser(json)) {
            JsonNode node = STRICT.readTree(parser);
            if (node == null) {
                throw new InvalidJsonException("empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidJsonException("unreadable JSON");
        }
    }

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] canonicalize(byte[] json) throws InvalidJsonException {
        return canonicalize(parse(json));
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(EsNumberFormat.format(toDouble(node)));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static double toDouble(JsonNode number) {
        double value = number.doubleValue();
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("number out of IEEE 754 double range");
        }
        return value;
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.forEachRemaining(fields::add);
        // String.compareTo orders by UTF-16 code units, exactly what RFC 8785 3.2.3 asks.
        fields.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(fields.get(i).getKey(), out);
            out.append(':');
            write(fields.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                i = appendSurrogatePair(s, i, out);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int appendSurrogatePair(String s, int i, StringBuilder out) {
        char high = s.charAt(i);
        if (Character.isHighSurrogate(high) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(high).append(s.charAt(i + 1));
            return i + 1;
        }
        throw new IllegalArgumentException("lone surrogate in string: not valid I-JSON");
    }
}
