package io.eventpipe.common.event;

/**
 * One thing wrong with an event: a stable machine-readable code, the JSON pointer of the field
 * (or "" for the whole document) and a message fit for a client. Never echoes the input.
 */
public record Violation(String code, String field, String message) {
}
