package io.eventpipe.processors;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RequestSignature;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.httpsig.ContentDigest;
import io.eventpipe.common.httpsig.HttpSignatures;
import io.eventpipe.common.httpsig.SignatureEvidence;
import io.eventpipe.common.httpsig.SignedRequest;
import io.eventpipe.common.json.InvalidJsonException;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event packages as a relay would publish them: a root, a relay certificate, a device
 * certificate issued by it, and the device's RFC 9421 signature of POST /v1/events kept as evidence.
 */
public final class SignedPackages {

    public static final String RELAY_ID = "relay-1";
    private static final URI EVENTS = URI.create("https://relay.example/v1/events");

    private final Credentials root;
    private final Credentials relay;
    private final String deviceId;
    private final CertificateIssuer deviceIssuer;
    private final Map<String, Credentials> devices = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path rootFile;

    private SignedPackages(Path dir, String deviceId, Instant validFrom) {
        Clock clock = Clock.fixed(validFrom, ZoneOffset.UTC);
        this.root = CertificateIssuer.selfSignedRoot("Test Root", Duration.ofDays(30), clock);
        this.relay = new CertificateIssuer(root, clock).issueWithNewKey(RELAY_ID, CertificateRole.RELAY, Duration.ofDays(7));
        this.deviceId = deviceId;
        this.deviceIssuer = new CertificateIssuer(relay, clock);
        this.rootFile = dir.resolve("root.crt.pem");
        try {
            Files.writeString(rootFile, Pem.encode(root.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Certificates valid from an hour before around, for 24 h. */
    public static SignedPackages create(Path dir, String deviceId, Instant around) {
        return new SignedPackages(dir, deviceId, around.minus(Duration.ofHours(1)));
    }

    public Path rootCertificate() {
        return rootFile;
    }

    public String deviceId() {
        return deviceId;
    }

    public Credentials relay() {
        return relay;
    }

    /** The default device's credentials. */
    public Credentials device() {
        return device(deviceId);
    }

    /** Another device registered with the same relay (created on first use). */
    public Credentials device(String id) {
        return devices.computeIfAbsent(id, any -> {
            KeyPair keys = Ed25519.generate();
            return new Credentials(deviceIssuer.issue(id, keys.getPublic(), CertificateRole.DEVICE, Duration.ofHours(24)),
                    keys.getPrivate());
        });
    }

    /** A package of this body from the default device. */
    public EventPackage.Builder pkg(String eventId, String body, Instant receivedAt) {
        return pkg(deviceId, eventId, body, receivedAt);
    }

    /** A package of this body, signed by the device at receivedAt, with the hash a relay computes. */
    public EventPackage.Builder pkg(String device, String eventId, String body, Instant receivedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Credentials credentials = device(device);
        return EventPackage.newBuilder()
                .setEventId(eventId)
                .setDeviceId(device)
                .setCertificateFingerprint(Credentials.fingerprint(credentials.certificate()))
                .setRelayId(RELAY_ID)
                .setReceivedAt(receivedAt)
                .setEventHash(hashOf(body))
                .setBody(ByteBuffer.wrap(bytes))
                .setSignature(signature(device, bytes, receivedAt, credentials.privateKey(), credentials.certificate()));
    }

    /** The evidence of the default device's request over body, signed with key (the device's, or another to forge). */
    public RequestSignature signature(byte[] body, Instant created, java.security.PrivateKey key) {
        return signature(deviceId, body, created, key, device().certificate());
    }

    /** The evidence of a request by keyId over body, signed with key, presenting certificate (issued by this relay). */
    public RequestSignature signature(String keyId, byte[] body, Instant created, java.security.PrivateKey key,
                                      java.security.cert.X509Certificate certificate) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("Content-Digest", List.of(ContentDigest.header(body))));
        HttpSignatures.Headers signed = HttpSignatures.sign(SignedRequest.of("POST", EVENTS, headers),
                HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY, "sig1", keyId, key, created);
        headers.put("Signature-Input", List.of(signed.signatureInput()));
        headers.put("Signature", List.of(signed.signature()));
        SignatureEvidence evidence = SignatureEvidence.capture(SignedRequest.of("POST", EVENTS, headers),
                HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY,
                List.of(Pem.encode(certificate), Pem.encode(relay.certificate())));
        return RequestSignature.newBuilder()
                .setMethod(evidence.method()).setTargetUri(evidence.targetUri())
                .setSignatureInput(evidence.signatureInput()).setSignature(evidence.signature())
                .setContentDigest(evidence.contentDigest()).setHeaders(new HashMap<>(evidence.headers()))
                .setCertificateChainPem(evidence.chainPem()).build();
    }

    public static String hashOf(String json) {
        try {
            return EventHash.of(Jcs.parse(json.getBytes(StandardCharsets.UTF_8))).hashHex();
        } catch (InvalidJsonException | IllegalArgumentException e) {
            return "00".repeat(32); // what a relay would never send; the tests of malformed bodies do not look at it
        }
    }
}
