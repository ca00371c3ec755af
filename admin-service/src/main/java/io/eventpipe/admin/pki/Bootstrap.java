package io.eventpipe.admin.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.admin.store.AdminStore;
import io.eventpipe.common.config.Secrets;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The first admin, made at the first start: a new key and its admin certificate, written to a
 * file only the service's user can read (never a default password). Later starts find an admin
 * and do nothing.
 */
public final class Bootstrap {

    public static final String CREDENTIALS_FILE = "bootstrap-admin.json";

    private Bootstrap() {
    }

    /** The path of the credentials file when this start created the first admin. */
    public static Optional<Path> firstAdmin(AdminStore admins, RootOfTrust root, Path dataDir, Duration validity, Clock clock)
            throws SQLException, IOException {
        if (admins.count() > 0) {
            return Optional.empty();
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String adminId = "admin-" + HexFormat.of().formatHex(suffix);
        KeyPair keys = Ed25519.generate();
        X509Certificate certificate = root.issueAdmin(adminId, keys.getPublic(), validity);
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        Secrets.writeOwnerOnly(file, new ObjectMapper().createObjectNode()
                .put("adminId", adminId)
                .put("certificate", Pem.encode(certificate))
                .put("privateKey", Pem.encode(keys.getPrivate()))
                .put("root", Pem.encode(root.certificate()))
                .toPrettyString());
        admins.add(new AdminStore.Admin(adminId, "first admin", Pem.encode(certificate), Credentials.fingerprint(certificate),
                clock.instant(), null), "bootstrap");
        return Optional.of(file);
    }
}
