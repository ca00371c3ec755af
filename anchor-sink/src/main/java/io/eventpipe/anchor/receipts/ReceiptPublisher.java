package io.eventpipe.anchor.receipts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.eventpipe.common.logging.EventLog;
import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.ChainAnchor;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.storage.ObjectKeys;
import io.eventpipe.storage.S3Clients;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Announces receipts (CONTRACT 3): receipts/{eventId}.json in object storage, AnchorReceipt on
 * anchor.receipts (compacted, so the latest per event stays) and ANCHORED or FINAL on
 * events.results. Returns only once all of it is durable; the caller then records that it was done,
 * so a crash in between announces the same receipts again, never different ones.
 */
public final class ReceiptPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPublisher.class);

    private static final String STAGE = "anchor-sink";
    private static final int RECEIPT_WRITERS = 8;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final S3Client s3;
    private final String bucket;
    private final java.util.concurrent.ExecutorService receiptWriters = java.util.concurrent.Executors.newFixedThreadPool(RECEIPT_WRITERS,
            runnable -> {
                Thread thread = new Thread(runnable, "receipt-writer");
                thread.setDaemon(true);
                return thread;
            });
    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<AnchorReceipt> receiptSerializer;
    private final Serializer<EventResult> resultSerializer;
    private final Clock clock;

    public ReceiptPublisher(AnchorConfig config, Clock clock) {
        SchemaRegistryClient registry = SchemaRegistryClient.shared(config.registryUrl());
        this.s3 = S3Clients.create(config.s3());
        this.bucket = config.s3().bucket();
        this.clock = clock;
        this.receiptSerializer = Topics.ANCHOR_RECEIPTS.valueSerde(registry).serializer();
        this.resultSerializer = Topics.EVENTS_RESULTS.valueSerde(registry).serializer();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    /** One event's receipt and who it belongs to. */
    public record Announcement(Receipt receipt, String deviceId) {
    }

    /** Announces the receipts of a batch, ANCHORED (final false) or FINAL, with the confirmations seen. */
    public void publish(List<Announcement> announcements, boolean isFinal, long confirmations)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!isFinal) {
            // FINAL changes nothing in the receipt itself: the object written at inclusion stands. Every receipt
            // is stored before any is announced, so that an ANCHORED result always finds its receipt.
            writeReceipts(announcements);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Announcement announcement : announcements) {
            Receipt receipt = announcement.receipt();
            String json = receipt.toJson().toString();
            sends.add(send(Topics.ANCHOR_RECEIPTS.name(), receipt.eventId(),
                    receiptSerializer.serialize(Topics.ANCHOR_RECEIPTS.name(), avro(receipt, isFinal, confirmations))));
            sends.add(send(Topics.EVENTS_RESULTS.name(), receipt.eventId(),
                    resultSerializer.serialize(Topics.EVENTS_RESULTS.name(), result(announcement, json, isFinal))));
            EventLog.info(LOG, receipt.eventId(), "receipt {}: root {} in block {} ({} confirmations)", isFinal ? "FINAL" : "ANCHORED",
                    receipt.root(), receipt.anchor().blockNumber(), confirmations);
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The batch's receipts written RECEIPT_WRITERS at a time: one after the other, a store answering in
     * 8 ms caps anchoring at ~120 events/s whatever the batch size (docs/benchmarks.md, S4).
     */
    private void writeReceipts(List<Announcement> announcements) throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<?>> writes = new ArrayList<>();
        for (Announcement announcement : announcements) {
            Receipt receipt = announcement.receipt();
            writes.add(receiptWriters.submit(() -> s3.putObject(b -> b.bucket(bucket).key(ObjectKeys.receipt(receipt.eventId()))
                    .contentType("application/json"), RequestBody.fromString(receipt.toJson().toString(), StandardCharsets.UTF_8))));
        }
        for (Future<?> write : writes) {
            write.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Future<RecordMetadata> send(String topic, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(ReplyHeaders.CORRELATION_ID, key.getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    private static AnchorReceipt avro(Receipt receipt, boolean isFinal, long confirmations) {
        Receipt.Anchor anchor = receipt.anchor();
        return AnchorReceipt.newBuilder()
                .setVersion(receipt.version()).setEventId(receipt.eventId()).setEventHash(receipt.eventHash())
                .setLeafIndex(receipt.leafIndex()).setTreeSize(receipt.treeSize()).setAuditPath(receipt.auditPath())
                .setRoot(receipt.root()).setBatchId(receipt.batchId())
                .setAnchor(ChainAnchor.newBuilder().setChainId(anchor.chainId()).setContract(anchor.contract())
                        .setTxHash(anchor.txHash()).setBlockNumber(anchor.blockNumber()).setBlockHash(anchor.blockHash()).build())
                .setConfirmations(confirmations).setFinal$(isFinal).build();
    }

    private EventResult result(Announcement announcement, String receiptJson, boolean isFinal) {
        return EventResult.newBuilder()
                .setEventId(announcement.receipt().eventId())
                .setStatus(isFinal ? EventStatus.FINAL : EventStatus.ANCHORED)
                .setEventHash(announcement.receipt().eventHash())
                .setDeviceId(announcement.deviceId())
                .setReceiptJson(receiptJson)
                .setStage(STAGE)
                .setProducedAt(clock.instant())
                .build();
    }

    /** Whether the receipts bucket answers now (for readiness). */
    public boolean isReachable() {
        return S3Clients.isReachable(s3, bucket);
    }

    @Override
    public void close() {
        receiptWriters.shutdownNow();
        producer.close(Duration.ofSeconds(10));
        s3.close();
    }
}
