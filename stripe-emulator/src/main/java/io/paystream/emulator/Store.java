package io.paystream.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Everything the emulator knows. One lock (this object's monitor) guards it all: a test double serving a handful of
 * clients gains nothing from finer locking, and one lock makes every API call atomic like Stripe's.
 */
final class Store {

    final String apiVersion;
    final Ids ids = new Ids();
    private final Clock clock;
    private final WebhookDispatcher dispatcher;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, ApiKey> keys = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Map<String, AccountData> data = new HashMap<>();
    private final List<WebhookTarget> extraTargets = new CopyOnWriteArrayList<>();
    final IdempotencyStore idempotency = new IdempotencyStore();
    final Map<String, OnboardingLink> onboardingLinks = new HashMap<>();
    private @Nullable Duration eventRetention;

    Store(String apiVersion, Clock clock, WebhookDispatcher dispatcher) {
        this.apiVersion = apiVersion;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    String newId(String prefix) {
        return Ids.id(prefix, ids.nextSequence());
    }

    synchronized Account addAccount(AccountSpec spec, @Nullable String parentId, boolean livemode) {
        long sequence = ids.nextSequence();
        AccountSpec withId = spec.id() != null ? spec : spec.withId(Ids.id("acct_1", sequence) + Ids.random(1));
        if (accounts.containsKey(withId.id())) {
            throw new IllegalArgumentException("Account " + withId.id() + " exists already");
        }
        Account account = new Account(withId, sequence, now(), parentId, livemode);
        accounts.put(account.id, account);
        account.apiKeys().forEach(key -> keys.put(key.value(), key));
        return account;
    }

    synchronized @Nullable Account account(String id) {
        return accounts.get(id);
    }

    synchronized Account requireAccount(String id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new IllegalArgumentException("No account " + id);
        }
        return account;
    }

    synchronized List<Account> connectedAccountsOf(String platformId) {
        return accounts.values().stream()
                .filter(account -> platformId.equals(account.parentId))
                .toList();
    }

    synchronized @Nullable ApiKey key(String value) {
        return keys.get(value);
    }

    synchronized boolean isRevoked(String value) {
        return revoked.contains(value);
    }

    synchronized void revoke(String value) {
        revoked.add(value);
    }

    synchronized AccountData data(String accountId, boolean livemode) {
        return data.computeIfAbsent(accountId + (livemode ? "/live" : "/test"), key -> new AccountData());
    }

    /** Applies a change to an account and sends {@code account.updated} when its JSON changed. */
    synchronized void changeAccount(Account account, java.util.function.Consumer<Account> change, @Nullable Call call) {
        JsonMap before = account.render();
        change.accept(account);
        recordChange(account, account.livemode, "account.updated", before, account.render(), call);
    }

    /** Records an update event with {@code previous_attributes}, unless nothing changed. */
    synchronized void recordChange(
            Account owner, boolean livemode, String type, JsonMap before, JsonMap after, @Nullable Call call) {
        Map<String, @Nullable Object> previous = previousAttributes(before, after);
        if (!previous.isEmpty()) {
            record(owner, livemode, type, after, previous, call);
        }
    }

    void sendWebhooksTo(String url, String secret) {
        extraTargets.add(new WebhookTarget(url, secret));
    }

    /** Records an event the emulator made itself (now, with a new id) and hands it to delivery. */
    synchronized StripeEvent record(
            Account owner,
            boolean livemode,
            String type,
            JsonMap object,
            @Nullable Map<String, Object> previousAttributes,
            @Nullable Call call) {
        long sequence = ids.nextSequence();
        StripeEvent event = new StripeEvent(
                Ids.id("evt_", sequence),
                sequence,
                now(),
                type,
                owner.isConnected() ? owner.id : null,
                apiVersion,
                livemode,
                object,
                previousAttributes,
                call == null ? null : call.requestId,
                call == null ? null : call.idempotencyKey);
        publish(owner, livemode, event);
        return event;
    }

    /** Records an event so the Events API lists it, and delivers it to {@link #targets}. */
    synchronized void publish(Account owner, boolean livemode, StripeEvent event) {
        data(owner.id, livemode).events.add(event);
        List<WebhookTarget> targets = targets(owner, livemode, event.type);
        event.pending(targets.size());
        dispatcher.deliver(event, targets);
    }

    /**
     * Where an event goes: the owner's matching endpoints of that mode, for a Connect account also the platform's
     * Connect endpoints (a live one also gets test events, as at Stripe), and every {@link #sendWebhooksTo} target.
     */
    synchronized List<WebhookTarget> targets(Account owner, boolean livemode, String type) {
        List<WebhookTarget> targets = new ArrayList<>();
        for (WebhookEndpoint endpoint : data(owner.id, livemode).endpoints.all()) {
            if (!endpoint.connect && endpoint.wants(type)) {
                targets.add(new WebhookTarget(endpoint.url, endpoint.secret));
            }
        }
        if (owner.isConnected()) {
            List<AccountData> platformModes = livemode
                    ? List.of(data(owner.parentId, true))
                    : List.of(data(owner.parentId, false), data(owner.parentId, true));
            for (AccountData platform : platformModes) {
                for (WebhookEndpoint endpoint : platform.endpoints.all()) {
                    if (endpoint.connect && endpoint.wants(type)) {
                        targets.add(new WebhookTarget(endpoint.url, endpoint.secret));
                    }
                }
            }
        }
        if (owner.isConnected() || owner.id.equals(StripeEmulator.PLATFORM_ACCOUNT_ID)) {
            // a dashboard endpoint of the platform hears the platform and its Connect accounts, not an independent
            // account that a customer connected by pasting its own keys: that one has its own endpoints
            targets.addAll(extraTargets);
        }
        return targets;
    }

    /** Delivers a thin event; it is not recorded: {@code GET /v1/events} lists snapshot events only, as Stripe's. */
    synchronized void deliver(Account owner, boolean livemode, ThinEvent event) {
        dispatcher.deliver(event, targets(owner, livemode, event.type()));
    }

    /** Events older than this are no longer served, as Stripe keeps events 30 days; null keeps them all. */
    synchronized void eventRetention(@Nullable Duration retention) {
        eventRetention = retention;
    }

    /** The oldest {@code created} the Events API still serves. */
    synchronized long oldestServedEvent() {
        return eventRetention == null ? Long.MIN_VALUE : now() - eventRetention.toSeconds();
    }

    /** Stripe's {@code previous_attributes}: the old value of every top-level field that changed. */
    static Map<String, @Nullable Object> previousAttributes(JsonMap before, JsonMap after) {
        Map<String, @Nullable Object> previous = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!Objects.equals(value, after.get(key))) {
                previous.put(key, value);
            }
        });
        return previous;
    }
}
