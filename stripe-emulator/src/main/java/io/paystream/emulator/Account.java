package io.paystream.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account and its keys. Mutable fields are guarded by the store's lock. */
final class Account extends Listed {

    /** The platform of a Connect account; null for standalone accounts and the platform itself. */
    final @Nullable String parentId;
    /** The mode its own events (account.updated) are recorded in. */
    final boolean livemode;

    final EmulatedAccount keys;
    AccountSpec spec;

    @Nullable
    String email;

    @Nullable
    String businessType;

    @Nullable
    String displayName;

    Map<String, String> metadata = new LinkedHashMap<>();
    Set<String> capabilities = new LinkedHashSet<>(List.of("card_payments", "transfers"));

    Account(AccountSpec spec, long sequence, long created, @Nullable String parentId, boolean livemode) {
        super(spec.id(), sequence, created);
        this.spec = spec;
        this.parentId = parentId;
        this.livemode = livemode;
        this.keys = keysFor(spec);
    }

    boolean isConnected() {
        return parentId != null;
    }

    /** Keys derive from the account id, so the platform's keys are the same in every run of the local stack. */
    private static EmulatedAccount keysFor(AccountSpec spec) {
        // like Stripe's keys, which embed the account id after "acct_1"
        String suffix = spec.id().startsWith("acct_1") ? spec.id().substring(6) : spec.id();
        return new EmulatedAccount(
                spec.id(),
                spec.country(),
                spec.defaultCurrency(),
                "sk_test_51" + suffix + derived("sk_test", spec.id()),
                "sk_live_51" + suffix + derived("sk_live", spec.id()),
                "pk_test_51" + suffix + derived("pk_test", spec.id()),
                "pk_live_51" + suffix + derived("pk_live", spec.id()),
                "rk_test_51" + suffix + derived("rk_test", spec.id()),
                "rk_live_51" + suffix + derived("rk_live", spec.id()));
    }

    private static String derived(String kind, String accountId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] first = sha256.digest((kind + ":" + accountId).getBytes(StandardCharsets.UTF_8));
            byte[] second = sha256.digest(first);
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return Ids.base62(both, both.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ApiKey> apiKeys() {
        return List.of(
                new ApiKey(keys.testSecretKey(), id(), false, ApiKey.Kind.SECRET),
                new ApiKey(keys.liveSecretKey(), id(), true, ApiKey.Kind.SECRET),
                new ApiKey(keys.testPublishableKey(), id(), false, ApiKey.Kind.PUBLISHABLE),
                new ApiKey(keys.livePublishableKey(), id(), true, ApiKey.Kind.PUBLISHABLE),
                new ApiKey(keys.testRestrictedKey(), id(), false, ApiKey.Kind.RESTRICTED),
                new ApiKey(keys.liveRestrictedKey(), id(), true, ApiKey.Kind.RESTRICTED));
    }

    @Override
    JsonMap render() {
        String capabilityStatus = spec.chargesEnabled() ? "active" : "inactive";
        JsonMap capabilityMap = new JsonMap();
        capabilities.forEach(name -> capabilityMap.with(name, capabilityStatus));
        List<String> currentlyDue = union(spec.currentlyDue(), spec.pastDue());
        return JsonMap.object("account", id())
                .with(
                        "business_profile",
                        new JsonMap()
                                .with("mcc", null)
                                .with("name", displayName)
                                .with("product_description", null)
                                .with("support_email", null)
                                .with("url", null))
                .with("business_type", businessType)
                .with("capabilities", capabilityMap)
                .with("charges_enabled", spec.chargesEnabled())
                .with(
                        "controller",
                        new JsonMap()
                                .with("is_controller", isConnected())
                                .with("type", isConnected() ? "application" : "account"))
                .with("country", spec.country())
                .with("created", created())
                .with("default_currency", spec.defaultCurrency())
                .with("details_submitted", spec.detailsSubmitted())
                .with("email", email)
                .with(
                        "external_accounts",
                        ListPage.envelope(List.of(), false, "/v1/accounts/" + id() + "/external_accounts"))
                .with("future_requirements", requirements(List.of(), List.of(), List.of(), null))
                .with("metadata", new LinkedHashMap<>(metadata))
                .with("payouts_enabled", spec.payoutsEnabled())
                .with(
                        "requirements",
                        requirements(
                                currentlyDue,
                                spec.pastDue(),
                                union(currentlyDue, spec.eventuallyDue()),
                                spec.disabledReason()))
                .with(
                        "settings",
                        new JsonMap()
                                .with(
                                        "dashboard",
                                        new JsonMap()
                                                .with("display_name", displayName)
                                                .with("timezone", "Etc/UTC")))
                .with("tos_acceptance", new JsonMap().with("date", spec.detailsSubmitted() ? created() : null))
                .with("type", spec.type());
    }

    private static JsonMap requirements(
            List<String> currentlyDue,
            List<String> pastDue,
            List<String> eventuallyDue,
            @Nullable String disabledReason) {
        return new JsonMap()
                .with("alternatives", List.of())
                .with("current_deadline", null)
                .with("currently_due", currentlyDue)
                .with("disabled_reason", disabledReason)
                .with("errors", List.of())
                .with("eventually_due", eventuallyDue)
                .with("past_due", pastDue)
                .with("pending_verification", List.of());
    }

    /** Stripe's lists nest: past_due is in currently_due, which is in eventually_due. */
    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first == null ? List.of() : first);
        if (second != null) {
            all.addAll(second);
        }
        return new ArrayList<>(all);
    }
}
