package io.eventpipe.anchor.reconcile;

import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.verify.ChainVerifier;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.common.receipt.ReceiptVerifier;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.storage.ObjectKeys;
import io.eventpipe.storage.S3Clients;
import io.eventpipe.storage.S3Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The accounting behind "an accepted event is never lost, never duplicated": every event the relays
 * accepted (published to events.incoming) since an instant must be validated exactly once or be in
 * the DLQ with its reasons; a validated one must have exactly one archived object that hashes to
 * its hash and exactly one receipt that verifies against the chain. Anything else is a finding.
 */
public final class Reconciler {

    /** Where to look. */
    public record Sources(String bootstrapServers, String registryUrl, S3Settings s3, String rpcUrl) {
    }

    /** One event that does not account. */
    public record Finding(String eventId, String problem) {
    }

    /** The counts of a run and its findings; clean when there are none. */
    public record Report(int accepted, int validated, int rejected, int archived, int receiptsVerified, List<Finding> findings) {
        public boolean clean() {
            return findings.isEmpty();
        }

        public String summary() {
            return String.format("%d accepted: %d validated, %d in the DLQ with reasons; %d archived, %d receipts verified; %d finding(s)",
                    accepted, validated, rejected, archived, receiptsVerified, findings.size());
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Sources sources;

    public Reconciler(Sources sources) {
        this.sources = sources;
    }

    /** Accounts for the events accepted since the instant (or only those of onlyIds, when not null). */
    public Report reconcile(Instant since, Set<String> onlyIds) {
        SchemaRegistryClient registry = SchemaRegistryClient.shared(sources.registryUrl());
        Map<String, Integer> accepted = count(TopicScan.since(sources.bootstrapServers(), Topics.EVENTS_INCOMING.name(),
                Topics.EVENTS_INCOMING.valueSerde(registry).deserializer(), since), EventPackage::getEventId);
        if (onlyIds != null) {
            accepted.keySet().retainAll(onlyIds);
        }
        Map<String, List<ValidatedEvent>> validated = new HashMap<>();
        TopicScan.since(sources.bootstrapServers(), Topics.EVENTS_VALIDATED.name(), Topics.EVENTS_VALIDATED.valueSerde(registry)
                .deserializer(), since)
                .forEach(v -> validated.computeIfAbsent(v.getEventId(), id -> new ArrayList<>()).add(v));
        Map<String, RejectedEvent> rejected = new HashMap<>();
        TopicScan.since(sources.bootstrapServers(), Topics.EVENTS_REJECTED.name(), Topics.EVENTS_REJECTED.valueSerde(registry)
                .deserializer(), since).forEach(r -> {
                    if (r.getEventId() != null) {
                        rejected.put(r.getEventId(), r);
                    }
                });
        List<Finding> findings = new ArrayList<>();
        int archived = 0;
        int verified = 0;
        Set<String> verifiedRoots = new HashSet<>();
        try (S3Client s3 = S3Clients.create(sources.s3()); ChainClient chain = ChainClient.readOnly(sources.rpcUrl())) {
            EvidenceCheck evidence = new EvidenceCheck(s3, sources.s3().bucket(), chain, verifiedRoots);
            for (Map.Entry<String, Integer> entry : accepted.entrySet()) {
                String id = entry.getKey();
                List<ValidatedEvent> copies = validated.getOrDefault(id, List.of());
                if (entry.getValue() > 1) {
                    findings.add(new Finding(id, "published " + entry.getValue() + " times to events.incoming"));
                }
                if (copies.isEmpty()) {
                    if (!rejected.containsKey(id)) {
                        findings.add(new Finding(id, "neither validated nor in the DLQ"));
                    } else if (rejected.get(id).getReasons().isEmpty()) {
                        findings.add(new Finding(id, "in the DLQ without a reason"));
                    }
                    continue;
                }
                if (copies.size() > 1) {
                    findings.add(new Finding(id, "validated " + copies.size() + " times"));
                }
                if (rejected.containsKey(id)) {
                    findings.add(new Finding(id, "both validated and in the DLQ"));
                }
                List<String> problems = evidence.check(copies.get(0));
                if (problems.stream().noneMatch(p -> p.startsWith("archive"))) {
                    archived++;
                }
                if (problems.stream().noneMatch(p -> p.startsWith("receipt"))) {
                    verified++;
                }
                problems.forEach(problem -> findings.add(new Finding(id, problem)));
            }
        }
        int validatedCount = (int) accepted.keySet().stream().filter(validated::containsKey).count();
        int rejectedCount = (int) accepted.keySet().stream().filter(id -> !validated.containsKey(id) && rejected.containsKey(id)).count();
        return new Report(accepted.size(), validatedCount, rejectedCount, archived, verified, findings);
    }

    private static <V> Map<String, Integer> count(List<V> records, java.util.function.Function<V, String> id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach(r -> counts.merge(id.apply(r), 1, Integer::sum));
        return counts;
    }

    /** The archived object and the receipt of one validated event. */
    private record EvidenceCheck(S3Client s3, String bucket, ChainClient chain, Set<String> verifiedRoots) {

        List<String> check(ValidatedEvent event) {
            List<String> problems = new ArrayList<>();
            String id = event.getEventId();
            String key = ObjectKeys.event(id, event.getReceivedAt());
            String prefix = key.substring(0, key.lastIndexOf('/') + 1) + id;
            long copies = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(o -> o.key().endsWith(".json") && !o.key().endsWith(".meta.json")).count();
            byte[] body = null;
            if (copies != 1) {
                problems.add("archive: " + copies + " archived objects");
            } else {
                body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            }
            Receipt receipt;
            try {
                receipt = Receipt.fromJson(JSON.readTree(
                        s3.getObjectAsBytes(b -> b.bucket(bucket).key(ObjectKeys.receipt(id))).asByteArray()));
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                problems.add("receipt: none in the archive");
                return problems;
            } catch (java.io.IOException | IllegalArgumentException e) {
                problems.add("receipt: unreadable (" + e.getMessage() + ")");
                return problems;
            }
            try {
                if (!receipt.eventHash().equals(event.getEventHash())) {
                    problems.add("receipt: for hash " + receipt.eventHash() + ", the event's is " + event.getEventHash());
                }
                if (body != null) {
                    ReceiptVerifier.verifyEvent(receipt, body);
                }
                if (!verifiedRoots.contains(receipt.root() + receipt.anchor().blockHash())) {
                    ChainVerifier.verify(receipt, chain);
                    verifiedRoots.add(receipt.root() + receipt.anchor().blockHash());
                } else {
                    ReceiptVerifier.verifyProof(receipt);
                }
            } catch (ReceiptVerifier.InvalidReceipt e) {
                problems.add((body != null && e.getMessage().contains("hash") ? "archive: " : "receipt: ") + e.getMessage());
            }
            return problems;
        }
    }
}
