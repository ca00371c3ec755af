package io.eventpipe.launcher.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.stack.ProjectHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.kafka.yml without a Docker engine: valid for Compose (docker-compose config,
 * which checks it against the Compose specification's JSON schema), every Dockerfile it builds
 * exists and starts a class that exists, and every EVENTPIPE_* variable it gives a service is a
 * setting of that service (the same keys as the local stack, docs/configuration.md).
 */
class DeploymentFilesTest {

    private static final Path HOME = ProjectHome.find();
    private static final Pattern SERVICE = Pattern.compile("^  ([a-z-]+):\\s*$");
    private static final Pattern DOCKERFILE = Pattern.compile("dockerfile: ([^}\\s]+)");
    private static final Pattern VARIABLE = Pattern.compile("^\\s+(EVENTPIPE_[A-Z0-9_]+):");
    private static final Pattern ENTRYPOINT_CLASS = Pattern.compile("\"(io\\.eventpipe\\.[A-Za-z.]+)\"\\]");

    @Test
    void theComposeFileIsValidCompose() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.kafka.yml", "config", "-q")
                .directory(HOME.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("POSTGRES_PASSWORD", "p", "S3_ACCESS_KEY", "a", "S3_SECRET_KEY", "s",
                "POW_SECRET", "00".repeat(32), "ANCHOR_SIGNER_KEY", "11".repeat(32)));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose (Debian's, no engine needed) validates the file: "
                    + "scripts/install-test-tools.sh installs it", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }

    @Test
    void everyImageIsBuiltFromAnExistingDockerfileThatStartsAnExistingClass() throws Exception {
        List<String> dockerfiles = DOCKERFILE.matcher(Files.readString(HOME.resolve("docker-compose.kafka.yml"))).results()
                .map(m -> m.group(1)).toList();
        assertThat(dockerfiles).contains("ingress-relay/Dockerfile", "stream-processors/Dockerfile", "anchor-sink/Dockerfile",
                "admin-service/Dockerfile", "launcher/Dockerfile");
        for (String dockerfile : dockerfiles) {
            String text = Files.readString(HOME.resolve(dockerfile));
            Matcher main = ENTRYPOINT_CLASS.matcher(text);
            assertThat(main.find()).as(dockerfile + " names its main class").isTrue();
            assertThat(Class.forName(main.group(1))).as(dockerfile).isNotNull();
            assertThat(text).as(dockerfile + " runs as a non-root user").contains("USER eventpipe");
        }
    }

    @Test
    void servicesGetOnlyTheirOwnSettings() throws Exception {
        Map<String, Set<String>> variables = variablesByService(Files.readAllLines(HOME.resolve("docker-compose.kafka.yml")));
        for (ConfigReference.Service service : ConfigReference.SERVICES) {
            assertThat(variables).containsKey(service.name());
            assertThat(ConfigReference.environmentVariables(HOME, service)).as("settings of " + service.name())
                    .containsAll(variables.get(service.name()));
        }
    }

    private static Map<String, Set<String>> variablesByService(List<String> lines) {
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        String service = null;
        for (String line : lines) {
            Matcher start = SERVICE.matcher(line);
            if (start.matches()) {
                service = start.group(1);
                variables.put(service, new TreeSet<>());
            }
            Matcher variable = VARIABLE.matcher(line);
            if (service != null && variable.find()) {
                variables.get(service).add(variable.group(1));
            }
        }
        return variables;
    }
}
