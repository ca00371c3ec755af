package io.eventpipe.launcher.tools;

import io.eventpipe.common.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/configuration.md, generated from each service's defaults file, the one place a setting,
 * its default and its explanation live (each service's config test proves it reads exactly the
 * keys of its defaults file, and launcher's ConfigReferenceTest that the document is current).
 */
public final class ConfigReference {

    /** A service and its defaults file, relative to the project. */
    record Service(String name, String defaults) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("ingress-relay", "ingress-relay/src/main/resources/relay-defaults.properties"),
            new Service("stream-processors", "stream-processors/src/main/resources/processors-defaults.properties"),
            new Service("anchor-sink", "anchor-sink/src/main/resources/anchor-defaults.properties"),
            new Service("admin-service", "admin-service/src/main/resources/admin-defaults.properties"));

    private ConfigReference() {
    }

    /** The environment variables of a service's settings (the only EVENTPIPE_* names it reads besides EVENTPIPE_LOG_FORMAT). */
    static java.util.Set<String> environmentVariables(Path home, Service service) {
        java.util.Properties defaults = new java.util.Properties();
        try (var reader = Files.newBufferedReader(home.resolve(service.defaults()))) {
            defaults.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        defaults.stringPropertyNames().forEach(key -> names.add(Settings.envName(key)));
        return names;
    }

    public static String render(Path home) {
        StringBuilder doc = new StringBuilder("""
                # Configuration reference

                Generated from each service's `*-defaults.properties` by `./eventpipe config-reference`
                (launcher `ConfigReferenceTest` fails when this file is not current). Every setting is read
                from the defaults, then an optional `--config FILE`, then its environment variable. A setting
                without a default is optional (its description says what empty means) or required (the service
                refuses to start without it). Secrets are never
                logged or shown in `toString`. Besides these, `EVENTPIPE_LOG_FORMAT=JSON` switches a service's
                log to one JSON object per line, the event's id in `mdc.eventId` (the local stack does).
                """);
        for (Service service : SERVICES) {
            doc.append("\n## ").append(service.name()).append("\n\n`").append(service.defaults()).append("`\n\n")
                    .append("| setting | environment variable | default | what it is |\n|---|---|---|---|\n");
            rows(home.resolve(service.defaults())).forEach(row -> doc.append(row).append('\n'));
        }
        return doc.toString();
    }

    /** One row per key, explained by the comment lines just above it (a group's comment stands at its first key). */
    private static List<String> rows(Path defaults) {
        List<String> rows = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(defaults)) {
                String line = raw.strip();
                if (line.startsWith("# Defaults of")) {
                    continue; // the file's own header
                }
                if (line.startsWith("#")) {
                    comment.add(line.substring(1).strip());
                } else if (line.contains("=")) {
                    String key = line.substring(0, line.indexOf('=')).strip();
                    String value = line.substring(line.indexOf('=') + 1).strip();
                    String what = String.join(" ", comment);
                    rows.add("| `" + key + "` | `" + Settings.envName(key) + "` | " + (value.isEmpty() ? "(none)" : "`" + value + "`")
                            + " | " + what.replace("|", "\\|") + " |");
                    comment.clear();
                } else if (line.isEmpty()) {
                    comment.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
