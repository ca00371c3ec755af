package io.eventpipe.web;

import io.eventpipe.common.httpsig.SignedRequest;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Request;

/** A Jetty request as the signature verifier sees it: the target URI is the one the client addressed. */
public final class JettySignedRequest implements SignedRequest {

    private final Request request;

    public JettySignedRequest(Request request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public URI targetUri() {
        return request.getHttpURI().toURI();
    }

    @Override
    public List<String> headerValues(String lowerCaseName) {
        return request.getHeaders().getValuesList(lowerCaseName);
    }
}
