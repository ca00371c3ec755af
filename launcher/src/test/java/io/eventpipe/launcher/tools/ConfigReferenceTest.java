package io.eventpipe.launcher.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.stack.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void theConfigurationReferenceIsCurrent() throws Exception {
        Path home = ProjectHome.find();
        assertThat(Files.readString(home.resolve("docs/configuration.md")))
                .as("docs/configuration.md is stale: regenerate it with ./eventpipe config-reference > docs/configuration.md")
                .isEqualTo(ConfigReference.render(home));
    }

    @Test
    void everySettingHasItsVariableAndDefault() {
        String doc = ConfigReference.render(ProjectHome.find());
        assertThat(doc).contains("| `kafka.bootstrap.servers` | `EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS` | `127.0.0.1:9092` |",
                "| `pow.secret` | `EVENTPIPE_POW_SECRET` | (none) |", "## admin-service", "## anchor-sink");
        assertThat(doc).doesNotContain("| Defaults of");
    }
}
