package io.eventpipe.relay.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.config.Secrets;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.relay.devices.Pki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay side of the relay management flow: at first start, a new Ed25519 key is made here,
 * the one-time token signed with it (proof of possession) and sent to admin-service, which
 * answers the relay certificate and the root. The key never leaves this directory; the token file
 * is deleted once spent. A relay that already holds its certificate does nothing.
 */
public final class Enrollment {

    private static final Logger LOG = LoggerFactory.getLogger(Enrollment.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private Enrollment() {
    }

    /** Makes sure the pki directory holds this relay's certificate, enrolling if it does not. */
    public static void ensure(String relayId, Path pkiDir, EnrollmentConfig config, Duration deadline) throws IOException {
        if (Files.exists(pkiDir.resolve(Pki.RELAY_CERTIFICATE))) {
            return;
        }
        String token = Files.readString(config.tokenFile()).trim();
        KeyPair key = Ed25519.generate();
        String body = JSON.createObjectNode().put("relayId", relayId).put("token", token)
                .put("publicKey", Base64.getEncoder().encodeToString(Ed25519.raw(key.getPublic())))
                .put("signature", Base64.getEncoder().encodeToString(Ed25519.sign(key.getPrivate(),
                        token.getBytes(StandardCharsets.UTF_8)))).toString();
        JsonNode answer = post(config, body, deadline);
        X509Certificate certificate = Pem.certificate(answer.path("certificate").asText());
        X509Certificate root = Pem.certificate(answer.path("root").asText());
        if (!certificate.getPublicKey().equals(key.getPublic())) {
            throw new IllegalStateException("admin-service answered a certificate for another key");
        }
        Files.createDirectories(pkiDir);
        Path keyFile = pkiDir.resolve(Pki.RELAY_KEY);
        Secrets.writeOwnerOnly(keyFile, Pem.encode(key.getPrivate()));
        Files.writeString(pkiDir.resolve(Pki.ROOT_CERTIFICATE), Pem.encode(root));
        // the certificate last: its presence is what says enrollment is complete
        Files.writeString(pkiDir.resolve(Pki.RELAY_CERTIFICATE), Pem.encode(certificate));
        Files.deleteIfExists(config.tokenFile());
        LOG.info("relay {} enrolled: certificate {} valid until {}", relayId, Credentials.fingerprint(certificate),
                certificate.getNotAfter().toInstant());
    }

    /** Retries while admin-service cannot be reached or is unavailable; any other refusal is final. */
    private static JsonNode post(EnrollmentConfig config, String body, Duration deadline) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(config.url()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant giveUp = Instant.now().plus(deadline);
        Duration backoff = Duration.ofMillis(250);
        while (true) {
            String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() != 503) {
                    throw new IllegalStateException("enrollment refused by " + config.url() + ": " + response.statusCode() + " "
                            + response.body());
                }
                problem = "503 " + response.body();
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while enrolling", e);
            }
            if (Instant.now().plus(backoff).isAfter(giveUp)) {
                throw new IOException("enrollment at " + config.url() + " did not succeed within " + deadline + ": " + problem);
            }
            LOG.warn("enrollment at {} not possible yet ({}), retrying in {} ms", config.url(), problem, backoff.toMillis());
            LockSupport.parkNanos(backoff.toNanos());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
