package io.paystream.catalog.event;

import com.google.gson.JsonParseException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.catalog.product.SellableValidation;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies {@code product.*} and {@code price.*} snapshot events between full syncs, with the same order rule as the
 * sync ({@link CatalogWriter}): an event older than the stored state changes nothing, a deletion archives. The
 * product's sellable verdict is then re-evaluated. Account and mode come from the headers the ingest verified (no
 * account header = the platform).
 */
@Component
public class CatalogEventApplier {

    private static final Set<String> UPSERTS =
            Set.of("product.created", "product.updated", "price.created", "price.updated");
    private static final Set<String> DELETIONS = Set.of("product.deleted", "price.deleted");

    private final CatalogWriter writer;
    private final SellableValidation validation;
    private final CatalogMetrics metrics;

    CatalogEventApplier(CatalogWriter writer, SellableValidation validation, CatalogMetrics metrics) {
        this.writer = writer;
        this.validation = validation;
        this.metrics = metrics;
    }

    static boolean handles(String type) {
        return type.startsWith("product.") || type.startsWith("price.");
    }

    /** @throws UnreadableEventException when the body is not a product or price event, so retrying cannot help */
    public void apply(StripeEventMetadata metadata, byte[] body) {
        String type = metadata.type();
        boolean deletion = DELETIONS.contains(type);
        if (metadata.shape() != EventShape.SNAPSHOT || !(deletion || UPSERTS.contains(type))) {
            metrics.event(type, "ignored"); // thin events carry no object; the next full sync reads it
            return;
        }
        Event event = parse(body);
        CatalogObject object = object(event);
        String account = metadata.account() == null ? SyncTargetNames.PLATFORM : metadata.account();
        Instant created = event.getCreated() != null ? Instant.ofEpochSecond(event.getCreated()) : metadata.created();
        if (created == null) {
            throw new UnreadableEventException("event " + event.getId() + " has no created time");
        }
        CatalogWriter.EventOutcome outcome =
                writer.writeEvent(account, metadata.livemode(), object, deletion, created, event.getId());
        String productId = object.productId();
        if (outcome == CatalogWriter.EventOutcome.APPLIED && productId != null) {
            validation.revalidate(account, metadata.livemode(), productId);
        }
        String kind = object.kind().tag();
        metrics.objects(
                kind,
                outcome == CatalogWriter.EventOutcome.STALE ? "stale" : deletion ? "archived" : "upserted",
                "event",
                1);
        metrics.event(type, outcome.name().toLowerCase(Locale.ROOT));
    }

    private static Event parse(byte[] body) {
        try {
            Event event = ApiResource.GSON.fromJson(new String(body, StandardCharsets.UTF_8), Event.class);
            if (event == null || event.getId() == null || event.getData() == null) {
                throw new UnreadableEventException("not a Stripe event");
            }
            return event;
        } catch (JsonParseException e) {
            throw new UnreadableEventException("body is not JSON: " + e.getMessage());
        }
    }

    private static CatalogObject object(Event event) {
        StripeObject object;
        try {
            // the event's API version may differ from stripe-java's; the fields read here exist in both
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw new UnreadableEventException("event " + event.getId() + " has no readable object: " + e.getMessage());
        }
        if (object instanceof Product product && product.getId() != null) {
            return CatalogObject.of(product);
        }
        if (object instanceof Price price && price.getId() != null) {
            return CatalogObject.of(price);
        }
        throw new UnreadableEventException("event " + event.getId() + " carries no product or price");
    }

    /** An event that can never be applied: it is skipped at once, the next full sync reads the object from Stripe. */
    public static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message) {
            super(message);
        }
    }
}
