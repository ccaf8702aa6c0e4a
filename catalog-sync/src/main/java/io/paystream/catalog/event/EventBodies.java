package io.paystream.catalog.event;

import com.google.gson.JsonParseException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogWriter.EventWrite;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.events.StripeEventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads a product or price snapshot event's body (Gson and stripe-java, as Stripe's own client reads it) into what the
 * writer takes. Account and mode come from the headers the ingest verified (no account header = the platform).
 */
final class EventBodies {

    private EventBodies() {}

    /** @throws UnreadableEventException when the body is not a product or price event, so retrying cannot help */
    static EventWrite read(StripeEventMetadata metadata, byte @Nullable [] body, boolean deletion) {
        Event event = parse(body);
        CatalogObject object = object(event);
        String account = metadata.account() == null ? SyncTargetNames.PLATFORM : metadata.account();
        Instant created = event.getCreated() != null ? Instant.ofEpochSecond(event.getCreated()) : metadata.created();
        if (created == null) {
            throw new UnreadableEventException("event " + event.getId() + " has no created time");
        }
        return new EventWrite(account, metadata.livemode(), object, deletion, created, event.getId());
    }

    private static Event parse(byte @Nullable [] body) {
        if (body == null) {
            throw new UnreadableEventException("the record has no body");
        }
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
}
