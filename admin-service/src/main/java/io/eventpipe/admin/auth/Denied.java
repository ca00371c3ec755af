package io.eventpipe.admin.auth;

import io.eventpipe.web.HttpProblem;

/** Why a request is not let in: 401 (who are you?) or 403 (not you), with a stable code. */
public final class Denied extends HttpProblem {

    private static final long serialVersionUID = 1L;

    public Denied(int status, String code, String message) {
        super(status, code, message);
    }
}
