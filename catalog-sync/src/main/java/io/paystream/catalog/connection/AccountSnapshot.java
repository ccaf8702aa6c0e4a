package io.paystream.catalog.connection;

import com.stripe.model.Account;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a connection needs to know about a Stripe account, read from the API or from an {@code account.updated}
 * event's snapshot.
 */
public record AccountSnapshot(
        String id,
        @Nullable String country,
        @Nullable String defaultCurrency,
        boolean detailsSubmitted,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        List<String> currentlyDue,
        List<String> pastDue,
        List<String> eventuallyDue,
        List<String> pendingVerification,
        @Nullable String disabledReason) {

    public static AccountSnapshot of(Account account) {
        Account.Requirements requirements = account.getRequirements();
        return new AccountSnapshot(
                account.getId(),
                account.getCountry(),
                account.getDefaultCurrency(),
                Boolean.TRUE.equals(account.getDetailsSubmitted()),
                Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()),
                requirements == null ? List.of() : orEmpty(requirements.getCurrentlyDue()),
                requirements == null ? List.of() : orEmpty(requirements.getPastDue()),
                requirements == null ? List.of() : orEmpty(requirements.getEventuallyDue()),
                requirements == null ? List.of() : orEmpty(requirements.getPendingVerification()),
                requirements == null ? null : requirements.getDisabledReason());
    }

    /** From {@code data.object} of an {@code account.updated} event. */
    public static AccountSnapshot of(JsonNode account) {
        JsonNode requirements = account.path("requirements");
        return new AccountSnapshot(
                account.path("id").asString(), // present: callers check it first
                text(account, "country"),
                text(account, "default_currency"),
                account.path("details_submitted").asBoolean(false),
                account.path("charges_enabled").asBoolean(false),
                account.path("payouts_enabled").asBoolean(false),
                strings(requirements, "currently_due"),
                strings(requirements, "past_due"),
                strings(requirements, "eventually_due"),
                strings(requirements, "pending_verification"),
                text(requirements, "disabled_reason"));
    }

    /** Past-due keys first (the most urgent), then currently-due ones not already listed. */
    public List<String> dueNow() {
        List<String> due = new ArrayList<>(pastDue);
        currentlyDue.stream().filter(key -> !due.contains(key)).forEach(due::add);
        return due;
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }
}
