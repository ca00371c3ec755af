package io.eventpipe.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-process registry for unit tests ({@code mock://NAME}), with the same ids-per-schema and
 * BACKWARD checks as a real one. Never used outside tests: production URLs are http(s).
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final String name;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new ConcurrentHashMap<>();
    private final Map<String, String> compatibility = new ConcurrentHashMap<>();

    public InMemorySchemaRegistryClient(String name) {
        this.name = name;
    }

    @Override
    public String baseUrl() {
        return name;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            int next = schemas.size() + 1;
            schemas.put(next, s);
            return next;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            if (!isCompatible(subject, schema)) {
                throw new RegistryException("incompatible schema for " + subject, 409, 409, null);
            }
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        Integer id = ids.get(schema);
        if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new RegistryException("schema not registered under " + subject, 404, 40403, null);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new RegistryException("schema " + id + " not found", 404, 40403, null);
        }
        return schema;
    }

    @Override
    public void setCompatibility(String subject, String level) {
        compatibility.put(subject, level);
    }

    @Override
    public String compatibility(String subject) {
        return compatibility.getOrDefault(subject, "BACKWARD");
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        if (versions.isEmpty() || "NONE".equals(compatibility(subject))) {
            return true;
        }
        Schema latest = schemas.get(versions.get(versions.size() - 1));
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        for (int i = 1; i <= subjects.getOrDefault(subject, List.of()).size(); i++) {
            versions.add(i);
        }
        return versions;
    }
}
