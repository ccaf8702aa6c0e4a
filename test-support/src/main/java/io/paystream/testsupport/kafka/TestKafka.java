package io.paystream.testsupport.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The one way tests start Kafka: an embedded KRaft broker (spring-kafka-test), started once per test JVM by
 * {@link #shared()} and reused by every test class and Spring context in it, so a suite pays the broker's start once.
 * Topics and committed offsets therefore outlive a test class: a test tells its own records apart (a fresh id, key or
 * topic) or, if its assertion covers a whole topic ("nothing was dead-lettered"), takes a broker of its own with
 * {@link #isolated()}. A test that kills or restarts the broker uses {@link io.paystream.testsupport.KafkaBrokerProcess}.
 *
 * <p>Topics are auto-created with one partition on first use. Create them up front with {@link #createTopics} when the
 * partition count matters, or when a consumer must be assigned at once rather than after a metadata refresh.
 */
public final class TestKafka implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    /**
     * spring-kafka-test writes the broker's address into this system property; by default it would be
     * {@code spring.kafka.bootstrap-servers}, which every later Spring context in the JVM would pick up unasked.
     */
    private static final String BROKER_LIST_SYSTEM_PROPERTY = "paystream.test.kafka.bootstrap-servers";

    private static @Nullable TestKafka shared;

    private final EmbeddedKafkaKraftBroker broker;
    private final boolean isShared;

    private TestKafka(EmbeddedKafkaKraftBroker broker, boolean isShared) {
        this.broker = broker;
        this.isShared = isShared;
    }

    /**
     * The JVM's broker, started on first use and stopped when the JVM exits; {@link #close()} on it does nothing, so
     * it may sit in a try-with-resources like an isolated one.
     */
    public static synchronized TestKafka shared() {
        TestKafka kafka = shared;
        if (kafka == null) {
            kafka = new TestKafka(startBroker(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka.broker::destroy, "test-kafka-stop"));
            shared = kafka;
        }
        return kafka;
    }

    /** A broker of this test's own, empty; {@link #close()} stops it. */
    public static TestKafka isolated() {
        return new TestKafka(startBroker(), false);
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerListProperty(BROKER_LIST_SYSTEM_PROPERTY);
        broker.brokerProperty("auto.create.topics.enable", "true");
        // one broker: transactions (what a read_committed reader is for) need their log on it alone
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        return broker;
    }

    /** For {@code spring.kafka.bootstrap-servers} and for the clients a test makes itself. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Creates each topic with {@code partitions} partitions, as {@link #createTopics(NewTopic...)} does. */
    public TestKafka createTopics(int partitions, String... names) {
        return createTopics(Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toArray(NewTopic[]::new));
    }

    /**
     * Creates the topics that do not exist yet and returns when the broker has them. A topic that exists already is
     * kept, with its records, as long as it has the partition count asked for: on the shared broker another test class
     * may have created it, and two classes that need different shapes of one topic fail here, by name, instead of
     * passing or failing by the order they ran in.
     *
     * @throws IllegalStateException if a topic exists with another partition count, or cannot be created
     */
    public TestKafka createTopics(NewTopic... topics) {
        try (Admin admin = admin()) {
            Map<String, KafkaFuture<Void>> created =
                    admin.createTopics(List.of(topics)).values();
            for (NewTopic topic : topics) {
                try {
                    await(created.get(topic.name()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                    requirePartitions(admin, topic);
                }
            }
        }
        return this;
    }

    private static void requirePartitions(Admin admin, NewTopic wanted) {
        if (wanted.numPartitions() < 0) {
            return; // the broker's default was asked for: any count will do
        }
        int existing;
        try {
            existing = await(admin.describeTopics(List.of(wanted.name())).allTopicNames())
                    .get(wanted.name())
                    .partitions()
                    .size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topic " + wanted.name(), e.getCause());
        }
        if (existing != wanted.numPartitions()) {
            throw new IllegalStateException("topic " + wanted.name() + " exists with " + existing
                    + " partition(s) on this broker, asked for " + wanted.numPartitions()
                    + ": every test in a JVM that shares the broker must create it alike, or use TestKafka.isolated()");
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + ADMIN_TIMEOUT, e);
        }
    }

    /** Stops an {@link #isolated()} broker; the {@link #shared()} one keeps running until the JVM exits. */
    @Override
    public void close() {
        if (!isShared) {
            broker.destroy();
        }
    }
}
