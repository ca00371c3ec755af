package io.eventpipe.admin.config;

import io.eventpipe.common.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed settings of the admin service; the database password never appears in toString. */
public record AdminConfig(
        String httpHost,
        int httpPort,
        String bootstrapServers,
        String registryUrl,
        String redisUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path rootCertificate,
        Path rootKey,
        Path rootKeystore,
        String rootKeystorePassword,
        String rootKeystoreAlias,
        Path dataDir,
        Duration adminCertificateValidity,
        Duration relayCertificateValidity,
        String publicUrl,
        Duration loginChallengeTtl,
        Duration sessionTtl,
        String relayProvisioner,
        Path relayProvisionerDir,
        Path relayLaunchFile) {

    public static final String PROVISIONER_NONE = "none";
    public static final String PROVISIONER_LOCAL = "local";

    public static final String DEFAULTS = "admin-defaults.properties";

    public static AdminConfig load(Path file, Map<String, String> environment) {
        return from(Settings.load(DEFAULTS, file, environment));
    }

    public static AdminConfig from(Settings settings) {
        return new AdminConfig(
                settings.string("http.host"),
                settings.integer("http.port", 0, 65535),
                settings.string("kafka.bootstrap.servers"),
                settings.string("schema.registry.url"),
                settings.string("redis.url"),
                settings.string("db.url"),
                settings.string("db.user"),
                settings.string("db.password", ""),
                Path.of(settings.string("pki.root.certificate")),
                Path.of(settings.string("pki.root.key")),
                settings.string("pki.root.keystore", "").isBlank() ? null : Path.of(settings.string("pki.root.keystore")),
                settings.string("pki.root.keystore.password", ""),
                settings.string("pki.root.keystore.alias", "").isBlank() ? null : settings.string("pki.root.keystore.alias"),
                Path.of(settings.string("data.dir")),
                settings.duration("admin.certificate.validity"),
                settings.duration("relay.certificate.validity"),
                settings.string("public.url"),
                settings.duration("login.challenge.ttl"),
                settings.duration("session.ttl"),
                provisioner(settings),
                Path.of(settings.string("relay.provisioner.local.dir")),
                launchFile(settings));
    }

    private static String provisioner(Settings settings) {
        String kind = settings.string("relay.provisioner");
        if (!PROVISIONER_NONE.equals(kind) && !PROVISIONER_LOCAL.equals(kind)) {
            throw new Settings.ConfigError("relay.provisioner", "is none or local, not " + kind);
        }
        return kind;
    }

    private static Path launchFile(Settings settings) {
        String file = settings.string("relay.provisioner.local.launch", "");
        if (file.isBlank() && PROVISIONER_LOCAL.equals(settings.string("relay.provisioner"))) {
            throw new Settings.ConfigError("relay.provisioner.local.launch", "the local provisioner needs the relays' launch file");
        }
        return file.isBlank() ? null : Path.of(file);
    }

    @Override
    public String toString() {
        return "AdminConfig[http=" + httpHost + ":" + httpPort + ", kafka=" + bootstrapServers
                + ", registry=" + registryUrl
                + ", redis=" + redisUrl + ", db=" + dbUrl + " as " + dbUser + ", dbPassword=***, root=" + rootCertificate
                + ", rootKey=" + rootKey + ", rootKeystore=" + rootKeystore + ", rootKeystorePassword=***"
                + ", dataDir=" + dataDir + ", adminCertificates=" + adminCertificateValidity
                + ", relayCertificates=" + relayCertificateValidity
                + ", publicUrl=" + publicUrl + ", loginChallenge=" + loginChallengeTtl
                + ", session=" + sessionTtl + ", relayProvisioner=" + relayProvisioner + "]";
    }
}
