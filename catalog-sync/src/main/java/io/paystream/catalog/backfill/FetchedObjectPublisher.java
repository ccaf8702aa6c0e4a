package io.paystream.catalog.backfill;

import io.paystream.events.Topics;
import io.paystream.events.fetched.FetchedObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a page of fetched objects to {@code stripe.fetched} and returns only once Kafka acknowledged every record
 * (acks=all, idempotent producer of its own): the caller stores the page's cursor after that, so an acknowledged page
 * is never listed again and an unacknowledged one always is.
 */
class FetchedObjectPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    FetchedObjectPublisher(DefaultKafkaProducerFactory<String, byte[]> factory, Duration timeout) {
        this.factory = factory;
        this.template = new KafkaTemplate<>(factory);
        this.timeout = timeout;
    }

    /**
     * @throws BackfillProgress.BackfillAbortedException when a record was not acknowledged within the timeout
     */
    void publishAll(List<FetchedObject> objects, String tenant) {
        List<CompletableFuture<?>> sent = new ArrayList<>(objects.size());
        for (FetchedObject object : objects) {
            RecordHeaders headers = new RecordHeaders();
            object.headers(tenant).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            CompletableFuture<?> send = template.send(
                    new ProducerRecord<>(Topics.STRIPE_FETCHED, null, object.key(), object.toValue(), headers));
            sent.add(send);
            if (send.isCompletedExceptionally()) {
                break; // Kafka unreachable: each further send would wait max.block.ms for metadata again
            }
        }
        // The page is complete: send its last batches now rather than after linger.ms (each page's cycle waits for
        // this acknowledgement before the next page is listed). Other types' records in the producer go with them.
        try {
            template.flush();
        } catch (InterruptException e) {
            throw new BackfillProgress.BackfillAbortedException("interrupted while Kafka acknowledged a page", e);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackfillProgress.BackfillAbortedException("interrupted while Kafka acknowledged a page", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new BackfillProgress.BackfillAbortedException(
                    "Kafka did not acknowledge a page of fetched objects within " + timeout + ": " + cause, cause);
        }
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
