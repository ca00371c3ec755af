package io.eventpipe.common.httpsig;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verifier needs to check a signed request again later, without the request: the
 * signature fields, the values of every covered component and the certificate chain it was
 * verified with. The relay keeps it with each event so the processors can verify again.
 *
 * @param chainPem [signer's certificate, its issuer...] as PEM, without the root
 * @param headers values of the covered header fields other than Content-Digest
 */
public record SignatureEvidence(String method, String targetUri, String signatureInput, String signature, String contentDigest,
                                Map<String, String> headers, List<String> chainPem) {

    public SignatureEvidence {
        headers = Map.copyOf(headers);
        chainPem = List.copyOf(chainPem);
    }

    /** Captures a verified request: covered lists the components its signature covers. */
    public static SignatureEvidence capture(SignedRequest request, List<String> covered, List<String> chainPem) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String component : covered) {
            if (!component.startsWith("@") && !component.equals(ContentDigest.HEADER)) {
                headers.put(component, joined(request, component));
            }
        }
        String digest = request.headerValues(ContentDigest.HEADER).isEmpty() ? null : joined(request, ContentDigest.HEADER);
        return new SignatureEvidence(request.method(), request.targetUri().toString(), joined(request, HttpSignatures.SIGNATURE_INPUT),
                joined(request, HttpSignatures.SIGNATURE), digest, headers, chainPem);
    }

    /** The request again, as far as its signature is concerned. */
    public SignedRequest asRequest() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        headers.forEach((name, value) -> fields.put(name, List.of(value)));
        fields.put(HttpSignatures.SIGNATURE_INPUT, List.of(signatureInput));
        fields.put(HttpSignatures.SIGNATURE, List.of(signature));
        if (contentDigest != null) {
            fields.put(ContentDigest.HEADER, List.of(contentDigest));
        }
        return SignedRequest.of(method, URI.create(targetUri), fields);
    }

    private static String joined(SignedRequest request, String name) {
        List<String> values = new ArrayList<>();
        request.headerValues(name).forEach(value -> values.add(value.strip()));
        return String.join(", ", values);
    }
}
