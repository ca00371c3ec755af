package io.eventpipe.common.httpsig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that HTTP message signatures use: dictionaries
 * whose members are items or inner lists, with parameters; strings, tokens, integers, byte
 * sequences and booleans. Parsing is strict: anything else is an IllegalArgumentException.
 */
public final class StructuredFields {

    private static final int MAX_FIELD_CHARS = 8192;

    /** A bare item (String, Token, Long, byte[], Boolean) with its parameters. */
    public record Item(Object value, Map<String, Object> parameters) {
    }

    /** A member value: an inner list of items (with the list's parameters), or a single item. */
    public record Member(List<Item> innerList, Item item, Map<String, Object> parameters) {
        public boolean isInnerList() {
            return innerList != null;
        }
    }

    /** An sf-token, kept apart from strings because they serialize differently. */
    public record Token(String value) {
    }

    private final String input;
    private int pos;

    private StructuredFields(String input) {
        this.input = input;
    }

    public static Map<String, Member> parseDictionary(String field) {
        if (field == null || field.length() > MAX_FIELD_CHARS) {
            throw new IllegalArgumentException("structured field missing or too long");
        }
        StructuredFields parser = new StructuredFields(field);
        Map<String, Member> dictionary = new LinkedHashMap<>();
        parser.skipSpaces();
        while (!parser.atEnd()) {
            String key = parser.key();
            Member member;
            if (parser.peek('=')) {
                parser.pos++;
                member = parser.member();
            } else {
                member = new Member(null, new Item(Boolean.TRUE, parser.parameters()), Map.of());
            }
            dictionary.put(key, member);
            parser.skipOws();
            if (parser.atEnd()) {
                break;
            }
            parser.expect(',');
            parser.skipOws();
            if (parser.atEnd()) {
                throw new IllegalArgumentException("trailing comma in dictionary");
            }
        }
        return dictionary;
    }

    /** The RFC 8941 serialization of an inner list with parameters, e.g. ("@method" "x");created=1. */
    public static String serializeInnerList(List<Item> items, Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(serializeBare(items.get(i).value())).append(serializeParameters(items.get(i).parameters()));
        }
        return out.append(')').append(serializeParameters(parameters)).toString();
    }

    public static String serializeParameters(Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(serializeBare(value));
            }
        });
        return out.toString();
    }

    public static String serializeBare(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Token t) {
            return t.value();
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
        }
        if (value instanceof Boolean b) {
            return b ? "?1" : "?0";
        }
        throw new IllegalArgumentException("not a structured field value: " + value);
    }

    private Member member() {
        if (peek('(')) {
            List<Item> items = innerList();
            return new Member(items, null, parameters());
        }
        Object bare = bareItem();
        return new Member(null, new Item(bare, parameters()), Map.of());
    }

    private List<Item> innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek(')')) {
                pos++;
                return items;
            }
            Object bare = bareItem();
            items.add(new Item(bare, parameters()));
            if (!peek(' ') && !peek(')')) {
                throw new IllegalArgumentException("inner list items are separated by spaces");
            }
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        while (peek(';')) {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek('=')) {
                pos++;
                value = bareItem();
            }
            parameters.put(key, value);
        }
        return parameters;
    }

    private Object bareItem() {
        if (atEnd()) {
            throw new IllegalArgumentException("value expected");
        }
        char c = input.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return bytes();
        }
        if (c == '?') {
            return bool();
        }
        if (c == '-' || Character.isDigit(c)) {
            return integer();
        }
        if (Character.isLetter(c) || c == '*') {
            return token();
        }
        throw new IllegalArgumentException("unexpected character in structured field");
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd() || (input.charAt(pos) != '"' && input.charAt(pos) != '\\')) {
                    throw new IllegalArgumentException("bad escape in string");
                }
                out.append(input.charAt(pos++));
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("strings are printable ASCII");
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private byte[] bytes() {
        expect(':');
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated byte sequence");
        }
        String text = input.substring(pos, end);
        pos = end + 1;
        try {
            return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("byte sequence is not base64");
        }
    }

    private Boolean bool() {
        expect('?');
        if (peek('1') || peek('0')) {
            return input.charAt(pos++) == '1';
        }
        throw new IllegalArgumentException("boolean is ?1 or ?0");
    }

    private Long integer() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (!atEnd() && Character.isDigit(input.charAt(pos))) {
            pos++;
        }
        String digits = input.substring(start, pos);
        if (digits.isEmpty() || digits.equals("-") || digits.length() > 16 || (!atEnd() && input.charAt(pos) == '.')) {
            throw new IllegalArgumentException("integer expected");
        }
        return Long.parseLong(digits);
    }

    private Token token() {
        int start = pos;
        while (!atEnd() && isTokenChar(input.charAt(pos))) {
            pos++;
        }
        return new Token(input.substring(start, pos));
    }

    private String key() {
        int start = pos;
        if (atEnd() || !(Character.isLowerCase(input.charAt(pos)) || input.charAt(pos) == '*')) {
            throw new IllegalArgumentException("key expected");
        }
        while (!atEnd() && isKeyChar(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "(),;<=>?@[\\]{}\"".indexOf(c) < 0;
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private boolean peek(char c) {
        return !atEnd() && input.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("'" + c + "' expected in structured field");
        }
        pos++;
    }

    private void skipSpaces() {
        while (peek(' ')) {
            pos++;
        }
    }

    private void skipOws() {
        while (peek(' ') || peek('\t')) {
            pos++;
        }
    }
}
