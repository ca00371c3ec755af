package io.eventpipe.anchor.config;

import io.eventpipe.anchor.chain.Fees;
import io.eventpipe.common.config.Settings;
import io.eventpipe.storage.S3Settings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed settings of the anchor sink. Secrets (database password, signing key, keystore
 * password, S3 secret) never appear in toString.
 */
public record AnchorConfig(
        String bootstrapServers,
        String registryUrl,
        String groupId,
        S3Settings s3,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String rpcUrl,
        String contractAddress,
        boolean deployContract,
        String signerPrivateKey,
        Path signerKeystore,
        String signerKeystorePassword,
        int batchMaxSize,
        Duration batchMaxAge,
        int confirmations,
        Fees.Caps feeCaps,
        int gasMarginPercent,
        Duration poll,
        Duration stuckAfter,
        int managementPort) {

    public static final String DEFAULTS = "anchor-defaults.properties";
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    public static AnchorConfig load(Path file, Map<String, String> environment) {
        return from(Settings.load(DEFAULTS, file, environment));
    }

    public static AnchorConfig from(Settings settings) {
        String keystore = settings.string("signer.keystore", "");
        AnchorConfig config = new AnchorConfig(
                settings.string("kafka.bootstrap.servers"),
                settings.string("schema.registry.url"),
                settings.string("anchor.group.id"),
                new S3Settings(settings.string("s3.endpoint"), settings.string("s3.region"), settings.string("s3.bucket"),
                        settings.string("s3.access.key"), settings.string("s3.secret.key")),
                settings.string("db.url"),
                settings.string("db.user"),
                settings.string("db.password", ""),
                settings.string("rpc.url"),
                settings.string("contract.address", ""),
                Boolean.parseBoolean(settings.string("contract.deploy", "false")),
                settings.string("signer.private.key", ""),
                keystore.isEmpty() ? null : Path.of(keystore),
                settings.string("signer.keystore.password", ""),
                settings.integer("batch.max.size", 1, 1_000_000),
                settings.duration("batch.max.age"),
                settings.integer("confirmations", 1, 1000),
                new Fees.Caps(GWEI.multiply(BigInteger.valueOf(settings.integer("fee.max.gwei", 1, 100_000))),
                        GWEI.multiply(BigInteger.valueOf(settings.integer("fee.max.priority.gwei", 0, 100_000)))),
                settings.integer("gas.margin.percent", 0, 500),
                settings.duration("anchor.poll"),
                settings.duration("anchor.stuck.after"),
                settings.integer("management.port", 0, 65535));
        if (config.signerPrivateKey.isEmpty() && config.signerKeystore == null) {
            throw new Settings.ConfigError("signer.private.key", "or signer.keystore is required (or set EVENTPIPE_SIGNER_PRIVATE_KEY)");
        }
        return config;
    }

    @Override
    public String toString() {
        return "AnchorConfig[kafka=" + bootstrapServers + ", registry=" + registryUrl + ", group=" + groupId + ", " + s3
                + ", db=" + dbUrl + " as " + dbUser + ", dbPassword=***, rpc=" + rpcUrl + ", contract="
                + (contractAddress.isEmpty() ? (deployContract ? "(deploy)" : "(none)") : contractAddress)
                + ", signer=" + (signerKeystore == null ? "key ***" : "keystore " + signerKeystore + " ***")
                + ", batch=" + batchMaxSize + "/" + batchMaxAge + ", confirmations=" + confirmations + ", caps=" + feeCaps
                + ", gasMargin=" + gasMarginPercent + "%, poll=" + poll + ", stuckAfter=" + stuckAfter
                + ", managementPort=" + managementPort + "]";
    }
}
