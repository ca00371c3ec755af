package io.eventpipe.schemas.registry;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The serde settings, under the same keys Confluent's serdes use, so configs carry over. */
public final class RegistryConfig {

    public static final String URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String SPECIFIC_READER = "specific.avro.reader";

    private RegistryConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(URL + " is required by the Avro serde");
        }
        return SchemaRegistryClient.shared(url.toString());
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
