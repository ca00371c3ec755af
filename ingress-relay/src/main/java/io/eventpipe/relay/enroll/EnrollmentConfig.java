package io.eventpipe.relay.enroll;

import io.eventpipe.common.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a newly provisioned relay gets its certificate: admin-service's enrollment URL and the
 * file holding the one-time token (a file, not a variable, so that it can be deleted once spent).
 * Both empty: the relay's certificate is already in its pki directory.
 */
public record EnrollmentConfig(URI url, Path tokenFile) {

    public static Optional<EnrollmentConfig> from(Settings settings) {
        String url = settings.string("enrollment.url", "");
        String tokenFile = settings.string("enrollment.token.file", "");
        if (url.isBlank() && tokenFile.isBlank()) {
            return Optional.empty();
        }
        if (url.isBlank() || tokenFile.isBlank()) {
            throw new Settings.ConfigError(url.isBlank() ? "enrollment.url" : "enrollment.token.file",
                    "enrollment needs both enrollment.url and enrollment.token.file");
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new Settings.ConfigError("enrollment.url", "must be an http(s) URL");
        }
        return Optional.of(new EnrollmentConfig(uri, Path.of(tokenFile)));
    }
}
