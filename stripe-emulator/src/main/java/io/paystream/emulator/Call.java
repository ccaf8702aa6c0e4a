package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/** One authenticated API request: who calls, on which account and mode, with which parameters. */
final class Call {

    final String method;
    final String path;
    final Params params;
    final String requestId;
    final @Nullable String idempotencyKey;
    final ApiKey key;
    /** The key's own account. */
    final Account caller;
    /** The account acted on: the caller, or the one named by {@code Stripe-Account}. */
    final Account account;

    final String baseUrl;
    private final Store store;

    Call(
            String method,
            String path,
            Params params,
            String requestId,
            @Nullable String idempotencyKey,
            ApiKey key,
            Account caller,
            Account account,
            String baseUrl,
            Store store) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
        this.key = key;
        this.caller = caller;
        this.account = account;
        this.baseUrl = baseUrl;
        this.store = store;
    }

    boolean livemode() {
        return key.livemode();
    }

    AccountData data() {
        return store.data(account.id, livemode());
    }

    void record(String type, JsonMap object) {
        store.record(account, livemode(), type, object, null, this);
    }

    /** Records an update event when the object's JSON changed, with Stripe's {@code previous_attributes}. */
    void recordChange(String type, JsonMap before, JsonMap after) {
        store.recordChange(account, livemode(), type, before, after, this);
    }

    boolean expands(String field) {
        java.util.List<String> expand = params.strings("expand");
        return expand != null && expand.contains(field);
    }
}
