package io.eventpipe.launcher;

import io.eventpipe.launcher.cli.AdminApiCommands;
import io.eventpipe.launcher.dev.DevOptions;
import io.eventpipe.launcher.dev.DevStack;
import io.eventpipe.launcher.tools.TopicReader;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.ProjectHome;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/** The ./eventpipe command line. */
public final class Main {

    private static final String USAGE = """
            Usage: ./eventpipe COMMAND

              dev       build what is missing, then start the whole pipeline locally
                        (data in ./.eventpipe, Ctrl-C stops everything)
              test      run every test (unit and integration, on the real servers),
                        installing what the tests need first
              kcat ARGS kcat with Avro / Schema Registry support (built on first use), e.g.
                        ./eventpipe kcat -C -b 127.0.0.1:9092 -t events.incoming -s value=avro \\
                          -r http://127.0.0.1:8085/apis/ccompat/v7 -e
              topics    list the topic catalogue (name, key, value, cleanup, partitions)
              consume TOPIC [MAX]
                        print a topic from the beginning as JSON Lines, Avro decoded through
                        the registry (EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS, EVENTPIPE_SCHEMA_REGISTRY_URL;
                        default: the local stack)
              verify RECEIPT.json [--event EVENT.json] [--rpc URL]
                        verify a receipt: the inclusion proof, the event's hash when given, and
                        the anchoring log on the chain (default RPC: the local stack's); exit 0
                        when valid, 1 when not (with the reason), 3 when the chain is unreachable
              admin | analyst | sre COMMAND ...
                        the admin API, signed with an admin's key: label configs, relays, devices,
                        admins, audit; replays, consumer-group resets, exports; topics and
                        partitions (./eventpipe admin help lists them)
              provision DIR
                        for a deployment's first start (docker-compose.kafka.yml runs it): the root
                        and relay certificates and the proof-of-work secret in DIR when missing,
                        then topics, schemas, the relay's ACLs, the sample label configuration
                        and the relay's signed registry entry (EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS,
                        EVENTPIPE_SCHEMA_REGISTRY_URL, EVENTPIPE_RELAY_ENDPOINT)
              config-reference
                        every setting of every service with its environment variable and default
                        (what docs/configuration.md holds)
              reconcile [--since 30m|INSTANT] [--wait 2m]
                        account for every event accepted since then: validated once or in the DLQ
                        with its reasons, archived once, a receipt that verifies on the chain;
                        exit 0 when clean, 1 with the findings by event id
              bench [--quick]
                        measure the pipeline against this machine's ceilings (raw Kafka, Streams,
                        SHA-256, Ed25519, S3) in one run, as ratios: docs/benchmarks.md and .json
                        (--quick: a short smoke run, written to target/bench-quick/)
              soak [30m] [--rate N]
                        steady load on a fresh local stack; heap, consumer lag and answers per
                        window in target/soak/ (scripts/soak.sh)
              k8s-kafka Strimzi KafkaTopics of the catalogue and the relays' KafkaUser with its ACLs
                        (what deploy/k8s/kafka.yaml holds)
              help      this text

            Environment: EVENTPIPE_DEV_DATA_DIR and EVENTPIPE_DEV_<SERVER>_PORT move the local
            stack (e.g. EVENTPIPE_DEV_KAFKA_PORT=19092); see README.md.
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        int status = switch (command) {
            case "dev" -> dev();
            case "topics" -> topics(System.out);
            case "consume" -> consume(args);
            case "admin", "analyst", "sre" -> adminApi(args);
            case "provision" -> provision(args);
            case "k8s-kafka" -> {
                System.out.print(io.eventpipe.launcher.tools.KafkaResources.render());
                yield 0;
            }
            case "config-reference" -> {
                System.out.print(io.eventpipe.launcher.tools.ConfigReference.render(ProjectHome.find()));
                yield 0;
            }
            case "help", "--help", "-h" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("unknown command: " + command);
                System.err.print(USAGE);
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int topics(PrintStream out) {
        out.printf("%-18s %-14s %-16s %-8s %s%n", "TOPIC", "KEY", "VALUE", "CLEANUP", "PARTITIONS");
        for (Topic<?> topic : Topics.ALL) {
            out.printf("%-18s %-14s %-16s %-8s %d%n", topic.name(), topic.keyDescription(), topic.valueType().getSimpleName(),
                    topic.cleanupPolicy().configValue(), topic.defaultPartitions());
        }
        return 0;
    }

    private static int consume(String[] args) {
        if (args.length < 2 || Topics.byName(args[1]).isEmpty()) {
            System.err.println("usage: ./eventpipe consume TOPIC [MAX], TOPIC one of the catalogue (./eventpipe topics)");
            return 2;
        }
        int max = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        String bootstrap = System.getenv().getOrDefault("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String registry = System.getenv().getOrDefault("EVENTPIPE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085/apis/ccompat/v7");
        TopicReader.print(bootstrap, registry, args[1], max, System.out);
        return 0;
    }

    private static int provision(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ./eventpipe provision DIR");
            return 2;
        }
        var env = System.getenv();
        boolean sample = io.eventpipe.launcher.dev.DevProvisioning.provision(
                env.getOrDefault("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                env.getOrDefault("EVENTPIPE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085/apis/ccompat/v7"),
                io.eventpipe.launcher.dev.DevTrust.ensure(java.nio.file.Path.of(args[1])),
                env.getOrDefault("EVENTPIPE_RELAY_ENDPOINT", "http://127.0.0.1:8080"));
        System.out.println("provisioned" + (sample ? ", sample label configuration published" : ""));
        return 0;
    }

    private static int adminApi(String[] args) throws Exception {
        if (args.length < 2 || "help".equals(args[1])) {
            System.out.print(AdminApiCommands.USAGE);
            return args.length < 2 ? 2 : 0;
        }
        DevOptions options = DevOptions.from(ProjectHome.find(), System.getenv());
        return AdminApiCommands.run(java.util.List.of(args), System.getenv(), options.dataDir().resolve("admin/bootstrap-admin.json"),
                "http://127.0.0.1:" + options.adminPort(), System.out, System.err);
    }

    private static int dev() throws Exception {
        DevOptions options = DevOptions.from(ProjectHome.find(), System.getenv());
        Files.createDirectories(options.dataDir());
        try (FileChannel lockFile = FileChannel.open(options.dataDir().resolve("dev.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("another ./eventpipe dev is using " + options.dataDir());
                return 1;
            }
            return runUntilStopped(options);
        }
    }

    private static int runUntilStopped(DevOptions options) throws Exception {
        System.out.println("Starting EventPipe (data in " + options.dataDir() + ", logs in " + options.logDir() + ") ...");
        long started = System.nanoTime();
        DevStack stack;
        try {
            stack = DevStack.start(options);
        } catch (Exception e) {
            System.err.println("EventPipe did not start: " + e.getMessage());
            System.err.println("See the logs in " + options.logDir());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping EventPipe ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "eventpipe-dev-stop"));
        stack.printSummary(System.out);
        System.out.printf("Ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        stopped.await();
        return 0;
    }
}
