package io.eventpipe.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    @Test
    void positionalsOptionsAndFlags() {
        CliArgs args = new CliArgs(List.of("replay", "--from", "2026-11-24T09:00:00Z", "events.results", "--execute", "copy"),
                Set.of("execute"));
        assertThat(args.positional(0, "command")).isEqualTo("replay");
        assertThat(args.positional(1, "TOPIC")).isEqualTo("events.results");
        assertThat(args.positional(2, "TARGET")).isEqualTo("copy");
        assertThat(args.option("from")).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(args.flag("execute")).isTrue();
        assertThat(args.flag("launch")).isFalse();
        assertThat(args.positionalOr(3, "none")).isEqualTo("none");
        assertThatThrownBy(() -> args.positional(3, "REASON")).isInstanceOf(CliArgs.UsageException.class).hasMessage("missing REASON");
        assertThatThrownBy(() -> new CliArgs(List.of("export", "--limit"), Set.of())).hasMessageContaining("--limit needs a value");
    }
}
