package io.eventpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Each server of the test harness is the real thing, reachable by its ordinary client. */
@ExtendWith(RealServers.class)
class RealServersIT {

    @Test
    void kafkaBrokerTakesAndGivesBackRecords(TestServers servers) throws Exception {
        String bootstrap = servers.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("harness.check", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("harness.check", "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "harness-check");
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("harness.check"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String value = null;
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    value = records.iterator().next().value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void s3StoreKeepsObjectsAndRefusesWrongCredentials(TestServers servers) {
        try (S3Client s3 = servers.s3().newClient()) {
            s3.putObject(b -> b.bucket(TestServers.BUCKET).key("media/check"), RequestBody.fromString("bytes"));
            String back = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key("media/check")).asString(StandardCharsets.UTF_8);
            assertThat(back).isEqualTo("bytes");
        }
        assertThat(servers.s3().credentials().toString()).doesNotContain(servers.s3().credentials().secretKey());
    }

    @Test
    void postgresAnswersSql(TestServers servers) throws Exception {
        try (Connection connection = servers.postgres().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database(), split_part(version(), ' ', 2)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("eventpipe");
            assertThat(rs.getString(2)).startsWith("15.");
        }
    }

    @Test
    void redisAnswersCommands(TestServers servers) {
        try (Jedis jedis = new Jedis("127.0.0.1", servers.redis().port())) {
            jedis.set("check", "1");
            assertThat(jedis.incr("check")).isEqualTo(2L);
        }
    }

    @Test
    void anvilIsAChainWithTheDevChainId(TestServers servers) {
        assertThat(servers.anvil().rpc("eth_chainId")).contains("\"result\":\"0x7a69\"");
    }

    @Test
    void registrySpeaksTheConfluentApi(TestServers servers) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(servers.registry().confluentApiUrl() + "/subjects")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }
}
