package io.paystream.bench.stack;

import io.paystream.events.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups' backlog on {@code stripe.events}: records on the topic that a group has not committed yet,
 * summed over partitions. Read with an AdminClient rather than from the services' client metrics, so a service that is
 * too busy to answer a scrape still has its backlog measured.
 */
final class ConsumerBacklog implements AutoCloseable {

    static final List<String> GROUPS = List.of("payment-worker", "catalog-sync");

    private final Admin admin;

    ConsumerBacklog(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000));
    }

    /** Records behind, per group. */
    Map<String, Long> records() {
        try {
            List<TopicPartition> partitions = admin
                    .describeTopics(List.of(Topics.STRIPE_EVENTS))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(Topics.STRIPE_EVENTS)
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(Topics.STRIPE_EVENTS, p.partition()))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            Map<String, Long> backlog = new LinkedHashMap<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(15, TimeUnit.SECONDS);
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    behind += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                }
                backlog.put(group, behind);
            }
            return backlog;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #records()}, or -1 per group when the broker does not answer in time (a row shows "unknown"). */
    Map<String, Long> recordsOrUnknown() {
        try {
            return records();
        } catch (RuntimeException unanswered) {
            Map<String, Long> unknown = new LinkedHashMap<>();
            GROUPS.forEach(group -> unknown.put(group, -1L));
            return unknown;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
