package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer other than success, with its status, code and details (e.g. the violations of a label configuration). */
public final class ApiProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    public ApiProblem(int status, ObjectNode body) {
        super(body.path("message").asText());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body;
    }
}
