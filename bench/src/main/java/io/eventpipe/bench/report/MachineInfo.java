package io.eventpipe.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the report says of the machine: cores, CPU, memory, OS, JDK and the versions under test. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static Map<String, String> describe() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu", procLine("/proc/cpuinfo", "model name").orElse("unknown"));
        machine.put("memory", procLine("/proc/meminfo", "MemTotal").orElse("unknown"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("kafka (broker, clients, streams)", AppInfoParser.getVersion());
        machine.put("eventpipe", Optional.ofNullable(MachineInfo.class.getPackage().getImplementationVersion()).orElse("0.1.0-SNAPSHOT"));
        return machine;
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
