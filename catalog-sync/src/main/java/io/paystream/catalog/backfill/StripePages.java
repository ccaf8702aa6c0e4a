package io.paystream.catalog.backfill;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.StripeResponse;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of a type with stripe-java's {@code rawRequest}: the answer's text as Stripe sent it, through the
 * target's client, whose transport applies the mode's rate limiter and retry policy to every request.
 */
final class StripePages {

    private StripePages() {}

    /**
     * @throws StripeException when Stripe refused the request or retries did not cure it
     */
    static ListedPage fetch(StripeClient client, BackfillType type, int pageSize, @Nullable String cursor)
            throws StripeException {
        StripeResponse response =
                client.rawRequest(ApiResource.RequestMethod.GET, type.request(pageSize, cursor), null);
        Instant fetchedAt = Instant.now();
        return type.shape() == BackfillType.Shape.SINGLE
                ? ListedPage.single(response.body(), fetchedAt)
                : ListedPage.parse(response.body(), fetchedAt);
    }
}
