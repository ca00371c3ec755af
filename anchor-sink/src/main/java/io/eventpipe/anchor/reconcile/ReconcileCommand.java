package io.eventpipe.anchor.reconcile;

import io.eventpipe.storage.S3Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;

/**
 * ./eventpipe reconcile [--since INSTANT|DURATION] [--wait DURATION]: accounts for every event
 * accepted since then (default: the last hour). Sources from EVENTPIPE_* variables, defaulting to
 * the local stack (its S3 key from .eventpipe/s3). Exit 0 when every event accounts, 1 with the
 * findings by event id, 2 on bad usage. --wait keeps looking until clean (events still in flight).
 */
public final class ReconcileCommand {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    private ReconcileCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Path.of(".eventpipe"), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, Path devData, PrintStream out, PrintStream err) {
        Instant since = Instant.now().minus(Duration.ofHours(1));
        Duration wait = Duration.ZERO;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--since" -> since = instant(value);
                    case "--wait" -> wait = Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                i++;
            }
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            err.println("usage: eventpipe reconcile [--since 2026-11-24T15:00:00Z | --since 30m] [--wait 2m]");
            return USAGE;
        }
        Reconciler reconciler = new Reconciler(sources(env, devData));
        Instant deadline = Instant.now().plus(wait);
        Reconciler.Report report = reconciler.reconcile(since, null);
        while (!report.clean() && Instant.now().isBefore(deadline)) {
            report = reconciler.reconcile(since, null);
        }
        out.println(report.summary());
        report.findings().forEach(f -> out.println(f.eventId() + "  " + f.problem()));
        return report.clean() ? CLEAN : FINDINGS;
    }

    private static Instant instant(String value) {
        if (value.matches("\\d+[smhd]")) {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            Duration ago = switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return Instant.now().minus(ago);
        }
        return Instant.parse(value);
    }

    static Reconciler.Sources sources(Map<String, String> env, Path devData) {
        Properties devKey = new Properties();
        Path file = devData.resolve("s3").resolve("credentials.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                devKey.load(reader);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        S3Settings s3 = new S3Settings(env.getOrDefault("EVENTPIPE_S3_ENDPOINT", "http://127.0.0.1:9000"),
                env.getOrDefault("EVENTPIPE_S3_REGION", "us-east-1"), env.getOrDefault("EVENTPIPE_S3_BUCKET", "eventpipe"),
                env.getOrDefault("EVENTPIPE_S3_ACCESS_KEY", devKey.getProperty("accessKey", "")),
                env.getOrDefault("EVENTPIPE_S3_SECRET_KEY", devKey.getProperty("secretKey", "")));
        return new Reconciler.Sources(env.getOrDefault("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                env.getOrDefault("EVENTPIPE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085/apis/ccompat/v7"), s3,
                env.getOrDefault("EVENTPIPE_RPC_URL", "http://127.0.0.1:8545"));
    }
}
