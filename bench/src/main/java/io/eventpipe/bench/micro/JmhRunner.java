package io.eventpipe.bench.micro;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs CryptoBenchmarks in a forked JVM and returns operations per second by benchmark method. */
public final class JmhRunner {

    private JmhRunner() {
    }

    /** Single-threaded figures of every method but the Ed25519 verifications, which run on threads threads. */
    public static Map<String, Double> run(int threads, boolean quick) throws RunnerException {
        Map<String, Double> opsPerSecond = new LinkedHashMap<>();
        collect(opsPerSecond, base(quick).include(method("sha256Of64Bytes")).include(method("sha256Of1MiB"))
                .include(method("merkleTree")).include(method("merkleVerifyInclusion")).threads(1));
        collect(opsPerSecond, base(quick).include(method("ed25519Verify")).include(method("ed25519VerifyJdk")).threads(threads));
        return opsPerSecond;
    }

    private static String method(String name) {
        return CryptoBenchmarks.class.getName() + "." + name + "$";
    }

    private static ChainedOptionsBuilder base(boolean quick) {
        return new OptionsBuilder()
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .timeUnit(TimeUnit.SECONDS)
                .jvmArgs("-Xms256m", "-Xmx256m")
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }

    private static void collect(Map<String, Double> into, ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            into.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
    }
}
