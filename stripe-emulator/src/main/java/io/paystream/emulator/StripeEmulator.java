package io.paystream.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Stripe API emulator for tests and the local stack. Point stripe-java at {@link #baseUrl()} (for
 * example {@code StripeClient.builder().setApiKey(key).setApiBase(emulator.baseUrl())}).
 *
 * <p>This is the contract the rest of the build codes against; see {@code stripe-emulator/README.md} for the HTTP
 * surface it serves.
 *
 * <p>It runs on the JDK's own HTTP server with a small fixed pool: a test double should start in milliseconds and
 * bring no web framework onto the test class path of every module that uses it.
 */
public final class StripeEmulator implements AutoCloseable {

    /** The platform account's id: fixed, so its keys (derived from it) are the same in every run. */
    public static final String PLATFORM_ACCOUNT_ID = "acct_1PlatformPaystrm";

    private static final int SERVER_THREADS = 8;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each keep-alive response
        // then waits for the client's delayed ACK (~40 ms), which makes 400 pages take 20 s instead of 2.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final WebhookDispatcher dispatcher;
    private final Store store;
    private final ApiHandler handler;
    private final Catalog catalog;
    private final Lifecycles lifecycles;
    private final Account platform;
    private final String baseUrl;

    private StripeEmulator(EmulatorSettings settings, String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            server = HttpServer.create(new InetSocketAddress(address, settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Stripe emulator to " + host + ":" + settings.port(), e);
        }
        String urlHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        baseUrl = "http://" + urlHost + ":" + server.getAddress().getPort();
        dispatcher = new WebhookDispatcher();
        store = new Store(settings.apiVersion(), Clock.systemUTC(), dispatcher);
        platform = store.addAccount(AccountSpec.activeStandalone().withId(PLATFORM_ACCOUNT_ID), null, false);
        platform.displayName = "Paystream platform";
        catalog = new Catalog(store);
        lifecycles = new Lifecycles(store);
        Router router = new Router();
        new ProductsApi(store, catalog).register(router);
        new PricesApi(store, catalog).register(router);
        new AccountsApi(store).register(router);
        new WebhookEndpointsApi(store).register(router);
        new EventsApi(store).register(router);
        new PaymentObjectsApi().register(router);
        handler = new ApiHandler(
                store, router, new ControlApi(this), baseUrl, settings.testRateLimit(), settings.liveRateLimit());
        server.createContext("/", handler);
        AtomicInteger threadNumber = new AtomicInteger();
        serverThreads = Executors.newFixedThreadPool(SERVER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThreads);
        server.start();
    }

    /** Starts on 127.0.0.1 and {@link EmulatorSettings#port()} (0 picks a free port) with a platform account. */
    public static StripeEmulator start(EmulatorSettings settings) {
        return new StripeEmulator(settings, "127.0.0.1");
    }

    /** Starts bound to another address, e.g. {@code 0.0.0.0} inside a container. */
    public static StripeEmulator start(EmulatorSettings settings, String bindHost) {
        return new StripeEmulator(settings, bindHost);
    }

    /** {@code http://127.0.0.1:<port>}, the value for stripe-java's api base. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The platform account, created at start, with keys for both modes. */
    public EmulatedAccount platformAccount() {
        return platform.keys;
    }

    /**
     * Creates an account: a standalone one that a customer connects by pasting its keys ({@code spec.connected()}
     * false), or a Connect account under the platform ({@code true}, reached with the platform key and the
     * {@code Stripe-Account} header).
     */
    public EmulatedAccount createAccount(AccountSpec spec) {
        return store.addAccount(spec, spec.connected() ? platform.id : null, false).keys;
    }

    /** Changes an account and sends {@code account.updated}, as Stripe does when onboarding progresses. */
    public void updateAccount(String accountId, UnaryOperator<AccountSpec> change) {
        synchronized (store) {
            Account account = store.requireAccount(accountId);
            AccountSpec changed = change.apply(account.spec).withId(accountId);
            store.changeAccount(account, changing -> changing.spec = changed, null);
        }
    }

    /** Any later request with this key gets 401 {@code api_key_expired}. */
    public void revokeKey(String key) {
        store.revoke(key);
    }

    /**
     * Adds {@code products} products with {@code pricesPerProduct} active prices each (alternating one-time and
     * monthly recurring) to an account's catalog in one mode, without sending webhooks.
     */
    public void seedCatalog(String accountId, boolean livemode, int products, int pricesPerProduct) {
        synchronized (store) {
            catalog.seed(store.requireAccount(accountId), livemode, products, pricesPerProduct);
        }
    }

    /**
     * Serves {@code objectJson} (a Stripe object with {@code id}) at {@code GET <collection>/<id>} and in the
     * collection's list for this account and mode, e.g. {@code serveObject(acct, false, "/v1/customers",
     * "{\"id\":\"cus_1\",...}")}, replacing an object with that id. Without webhooks: it says what Stripe currently
     * holds, for callers that refetch objects.
     */
    public void serveObject(String accountId, boolean livemode, String collection, String objectJson) {
        synchronized (store) {
            PaymentWrites.serve(store, store.requireAccount(accountId), livemode, collection, objectJson);
        }
    }

    /**
     * Plays one of test-support's {@code StripeFixtures} lifecycles on an account (fresh ids on every call): stores
     * each event's object as its current state, records the events for {@code GET /v1/events} and delivers them as
     * signed webhooks. The lifecycle's last event happens now; the others keep their distance before it.
     *
     * @return the events in the order sent
     */
    public List<EmulatedEvent> enact(String lifecycle, String accountId, boolean livemode) {
        return lifecycles.enact(lifecycle, store.requireAccount(accountId), livemode);
    }

    /**
     * Delivers a thin event ({@code v2.core.event}, type {@code v1.<objectType>.updated}) about an object to the
     * account's webhook targets; {@code objectType} as Stripe names objects, e.g. {@code customer} or
     * {@code checkout.session}. It is not listed by {@code GET /v1/events}, as at Stripe.
     */
    public EmulatedEvent sendThinEvent(String accountId, boolean livemode, String objectType, String objectId) {
        return PaymentWrites.sendThinEvent(store, store.requireAccount(accountId), livemode, objectType, objectId);
    }

    /**
     * Adds payment objects without events or webhooks, created over the past two years: {@code customers}
     * customers, {@code paymentIntents} succeeded payment intents each with one charge, {@code subscriptions}
     * subscriptions (one in four canceled, trialing or past due) and {@code invoices} invoices, each pointing at a
     * customer (and invoices at a subscription when there are any). Constant time and memory: objects are rendered
     * when listed.
     */
    public void seedPayments(
            String accountId, boolean livemode, int customers, int paymentIntents, int subscriptions, int invoices) {
        synchronized (store) {
            Account account = store.requireAccount(accountId);
            store.data(account.id, livemode)
                    .payments
                    .add(new SeededPayments(
                            store.ids,
                            store.now(),
                            account.id,
                            livemode,
                            customers,
                            paymentIntents,
                            subscriptions,
                            invoices));
        }
    }

    /**
     * From now on drops a {@code share} (0..1) of webhook deliveries for good, chosen by a random sequence from
     * {@code seed}: never sent, never counted as delivered, so {@code GET /v1/events?delivery_success=false} finds
     * their events. {@code dropWebhooks(0, any)} turns it off.
     */
    public void dropWebhooks(double share, long seed) {
        dispatcher.dropShare(share, seed);
    }

    /** Deliveries dropped so far by {@link #dropWebhooks}. */
    public long droppedWebhooks() {
        return dispatcher.dropped();
    }

    /** Every API request gets 429 {@code rate_limit} for {@code length}, without {@code Retry-After} like Stripe. */
    public void rateLimitBurst(Duration length) {
        handler.faults.rateLimitBurst(length);
    }

    /** Events older than {@code retention} are no longer listed or retrieved (Stripe: 30 days); null keeps all. */
    public void setEventRetention(@Nullable Duration retention) {
        store.eventRetention(retention);
    }

    /** Removes a product and its prices without any webhook: what a missed deletion looks like to a sync. */
    public void removeProductSilently(String accountId, boolean livemode, String productId) {
        synchronized (store) {
            catalog.removeSilently(store.requireAccount(accountId), livemode, productId);
        }
    }

    /** Requests per second per key's mode; 0 turns the limit off. Defaults: 25 test, 100 live. */
    public void setRateLimits(int testPerSecond, int livePerSecond) {
        handler.testLimit.setRate(testPerSecond);
        handler.liveLimit.setRate(livePerSecond);
    }

    /** The next {@code count} API requests fail with {@code httpStatus} and Stripe's error body (429: rate_limit). */
    public void failNext(int count, int httpStatus) {
        handler.faults.failNext(count, httpStatus);
    }

    /** Requests served (any status) whose method matches and whose path starts with {@code pathPrefix}. */
    public long requestCount(String method, String pathPrefix) {
        return handler.requests.count(method, pathPrefix);
    }

    public void resetRequestCounts() {
        handler.requests.reset();
    }

    /** Webhook endpoints created through the API on this account, secrets included. */
    public List<WebhookEndpointView> webhookEndpoints(String accountId) {
        synchronized (store) {
            List<WebhookEndpoint> endpoints = new ArrayList<>();
            for (boolean livemode : new boolean[] {false, true}) {
                store.data(accountId, livemode).endpoints.all().forEach(endpoints::add);
            }
            endpoints.sort(Comparator.comparingLong(WebhookEndpoint::sequence));
            return endpoints.stream().map(WebhookEndpoint::view).toList();
        }
    }

    /**
     * Also delivers every event (platform and Connect) to this URL signed with this secret, like an endpoint set up
     * in the Stripe dashboard. Used by the local stack for its default endpoint.
     */
    public void sendWebhooksTo(String url, String signingSecret) {
        store.sendWebhooksTo(url, signingSecret);
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        dispatcher.close();
        try {
            serverThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
