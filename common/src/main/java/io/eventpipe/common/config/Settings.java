package io.eventpipe.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raw settings of a service: its defaults file, an optional properties file, then environment
 * variables, each overriding the one before. The key {@code kafka.bootstrap.servers} is
 * overridden by {@code EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS}. Services turn this into a typed record.
 */
public final class Settings {

    public static final String ENV_PREFIX = "EVENTPIPE_";

    private final Map<String, String> values;
    private final Set<String> documented;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private Settings(Map<String, String> values, Set<String> documented) {
        this.values = Map.copyOf(values);
        this.documented = Set.copyOf(documented);
    }

    /** Defaults from a classpath resource, then the file (if any), then the environment. */
    public static Settings load(String defaultsResource, Path file, Map<String, String> environment) {
        Map<String, String> defaults = readResource(defaultsResource);
        Map<String, String> merged = new HashMap<>(defaults);
        if (file != null) {
            merged.putAll(readFile(file));
        }
        for (String key : Map.copyOf(merged).keySet()) {
            String fromEnv = environment.get(envName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv);
            }
        }
        return new Settings(merged, defaults.keySet());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values, Set.of());
    }

    /** The keys of the defaults file: every setting a service has is documented there. */
    public Set<String> documentedKeys() {
        return documented;
    }

    /** The keys read so far: after building its config, a service has read every documented key (tested). */
    public Set<String> readKeys() {
        return Set.copyOf(read);
    }

    /** The environment variable that overrides a key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        read.add(key);
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigError(key, "is required (or set " + envName(key) + ")");
        }
        return value.trim();
    }

    public String string(String key, String defaultValue) {
        read.add(key);
        String value = values.get(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public int integer(String key, int min, int max) {
        String value = string(key);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigError(key, "must be between " + min + " and " + max + ", is " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigError(key, "must be an integer, is '" + value + "'");
        }
    }

    /** A duration as ISO-8601 (PT5S) or a number with a unit: 500ms, 5s, 2m, 1h, 180d. */
    public Duration duration(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new ConfigError(key, "must be a duration such as 500ms, 5s, 2m, 7d or PT5S, is '" + value + "'");
        }
    }

    /** Every key with a prefix, prefix removed: passes client settings (kafka.producer.*) through. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> selected = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                read.add(key);
                selected.put(key.substring(prefix.length()), value);
            }
        });
        return Map.copyOf(selected);
    }

    private static Map<String, String> readResource(String resource) {
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("defaults resource " + resource + " missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return toMap(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return toMap(properties);
        } catch (IOException e) {
            throw new ConfigError(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** A setting is missing or wrong; the message names it and never shows a secret's value. */
    public static final class ConfigError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigError(String key, String problem) {
            super("setting " + key + " " + problem);
        }
    }
}
