package io.eventpipe.relay.devices;

import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * The relay's place in the chain of trust: its own certificate and key (issued by the root held
 * by admin-service) and the root certificate. Read from PEM files: relay.crt.pem, relay.key.pem,
 * root.crt.pem in one directory.
 */
public record Pki(Credentials relay, X509Certificate root) {

    public static final String RELAY_CERTIFICATE = "relay.crt.pem";
    public static final String RELAY_KEY = "relay.key.pem";
    public static final String ROOT_CERTIFICATE = "root.crt.pem";

    public static Pki load(Path dir) {
        try {
            X509Certificate relayCertificate = Pem.certificate(Files.readString(dir.resolve(RELAY_CERTIFICATE)));
            return new Pki(new Credentials(relayCertificate, Pem.privateKey(Files.readString(dir.resolve(RELAY_KEY)))),
                    Pem.certificate(Files.readString(dir.resolve(ROOT_CERTIFICATE))));
        } catch (IOException e) {
            throw new UncheckedIOException("relay certificates not readable in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Pki[relay=" + relay + ", root=" + root.getSubjectX500Principal().getName() + "]";
    }
}
