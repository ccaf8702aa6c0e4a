package io.paystream.emulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code /v1/account}, {@code /v1/accounts}, {@code /v1/account_links} and {@code /v1/country_specs}. */
final class AccountsApi {

    private static final Set<String> ACCOUNT_UPDATE = Set.of(
            "account_token",
            "business_profile",
            "business_type",
            "capabilities",
            "company",
            "default_currency",
            "documents",
            "email",
            "external_account",
            "groups",
            "individual",
            "metadata",
            "settings",
            "tos_acceptance");
    private static final Set<String> ACCOUNT_CREATE =
            Router.union(ACCOUNT_UPDATE, Set.of("type", "country", "controller"));
    private static final Set<String> PAGING = Set.of("created", "ending_before", "limit", "starting_after");
    private static final Set<String> ACCOUNT_TYPES = Set.of("standard", "express", "custom");
    private static final Set<String> LINK_TYPES = Set.of("account_onboarding", "account_update");
    static final long LINK_LIFETIME_SECONDS = 300;

    private final Store store;

    AccountsApi(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.on("GET", "/v1/account", Set.of(), (call, path) -> call.account.render())
                .on("GET", "/v1/accounts", PAGING, (call, path) -> listAccounts(call))
                .on("POST", "/v1/accounts", ACCOUNT_CREATE, (call, path) -> createAccount(call))
                .on("GET", "/v1/accounts/{id}", Set.of(), (call, path) -> accessible(call, path.get(0))
                        .render())
                .on("POST", "/v1/accounts/{id}", ACCOUNT_UPDATE, (call, path) -> updateAccount(call, path.get(0)))
                .on(
                        "POST",
                        "/v1/account_links",
                        Set.of("account", "collect", "collection_options", "refresh_url", "return_url", "type"),
                        (call, path) -> createLink(call))
                .on("GET", "/v1/country_specs", PAGING, (call, path) -> listCountrySpecs())
                .on("GET", "/v1/country_specs/{country}", Set.of(), (call, path) -> countrySpec(path.get(0)));
    }

    /**
     * An account the caller's key may act on: its own, or one of its Connect accounts. Unknown ids are 404 like
     * Stripe; other accounts' ids get Stripe's 403.
     */
    Account accessible(Call call, String id) {
        Account account = store.account(id);
        if (account == null) {
            throw ApiError.noSuch("account", id);
        }
        if (!account.id.equals(call.caller.id) && !call.caller.id.equals(account.parentId)) {
            throw noAccess(call.key, id);
        }
        return account;
    }

    static ApiError noAccess(ApiKey key, String accountId) {
        return new ApiError(
                403,
                ApiError.INVALID_REQUEST,
                "account_invalid",
                "The provided key '" + ApiKey.mask(key.value()) + "' does not have access to account '" + accountId
                        + "' (or that account does not exist). Application access may have been revoked.",
                null);
    }

    private JsonMap listAccounts(Call call) {
        SortedIndex<Account> connected = new SortedIndex<>();
        store.connectedAccountsOf(call.caller.id).forEach(connected::add);
        return ListPage.of(connected, call.params, CreatedFilter.of(call.params)::test, "/v1/accounts", "account");
    }

    private JsonMap createAccount(Call call) {
        Params params = call.params;
        if (call.caller.isConnected()) {
            throw ApiError.invalid("Connected accounts cannot create other accounts.", null);
        }
        String type = params.string("type");
        if (type == null) {
            if (!params.has("controller")) {
                throw ApiError.missingParam("type");
            }
            type = "express";
        }
        if (!ACCOUNT_TYPES.contains(type)) {
            throw ApiError.invalid("Invalid type: must be one of standard, express, or custom", "type");
        }
        String country = params.string("country") == null ? call.caller.spec.country() : params.string("country");
        if (!CountrySpecs.known(country)) {
            throw ApiError.invalid(
                    "Country '" + country + "' is unknown. Try using a 2-character alphanumeric country code instead,"
                            + " such as 'US', 'EG', or 'GB'.",
                    "country");
        }
        String currency = params.has("default_currency")
                ? PriceDraft.currency(params, "default_currency")
                : CountrySpecs.defaultCurrency(country);
        AccountSpec base = AccountSpec.newConnected();
        AccountSpec spec = new AccountSpec(
                null,
                type,
                country,
                currency,
                false,
                false,
                false,
                base.currentlyDue(),
                base.pastDue(),
                base.eventuallyDue(),
                base.disabledReason(),
                true);
        Account account = store.addAccount(spec, call.caller.id, call.livemode());
        applyFields(account, params);
        return account.render();
    }

    private JsonMap updateAccount(Call call, String id) {
        Account account = accessible(call, id);
        Params params = call.params;
        String currency = params.has("default_currency") ? PriceDraft.currency(params, "default_currency") : null;
        store.changeAccount(
                account,
                changing -> {
                    applyFields(changing, params);
                    if (currency != null) {
                        changing.spec = changing.spec.inCountry(changing.spec.country(), currency);
                    }
                },
                call);
        return account.render();
    }

    private static void applyFields(Account account, Params params) {
        if (params.has("email")) {
            account.email = params.nullableString("email");
        }
        if (params.has("business_type")) {
            account.businessType = params.nullableString("business_type");
        }
        account.metadata = params.mergeMetadata(account.metadata);
        Params profile = params.child("business_profile");
        if (profile.has("name")) {
            account.displayName = profile.nullableString("name");
        }
        Params dashboard = params.child("settings").child("dashboard");
        if (dashboard.has("display_name")) {
            account.displayName = dashboard.nullableString("display_name");
        }
        Params capabilities = params.child("capabilities");
        if (!capabilities.isEmpty()) {
            Set<String> requested = new LinkedHashSet<>(account.capabilities);
            for (String name : capabilities.keys()) {
                Boolean wanted = capabilities.child(name).bool("requested");
                if (Boolean.TRUE.equals(wanted)) {
                    requested.add(name);
                } else if (Boolean.FALSE.equals(wanted)) {
                    requested.remove(name);
                }
            }
            account.capabilities = requested;
        }
    }

    private JsonMap createLink(Call call) {
        Params params = call.params;
        String accountId = params.requiredString("account");
        String type = params.requiredString("type");
        if (!LINK_TYPES.contains(type)) {
            throw ApiError.invalid("Invalid type: must be one of account_onboarding or account_update", "type");
        }
        Account account = store.account(accountId);
        if (account == null) {
            throw ApiError.noSuchParam("account", accountId, "account");
        }
        if (!call.caller.id.equals(account.parentId)) {
            throw noAccess(call.key, accountId);
        }
        long created = store.now();
        String token = Ids.random(24);
        OnboardingLink link = new OnboardingLink(
                token,
                accountId,
                params.nullableString("refresh_url"),
                params.nullableString("return_url"),
                created + LINK_LIFETIME_SECONDS);
        store.onboardingLinks.put(token, link);
        return new JsonMap()
                .with("object", "account_link")
                .with("created", created)
                .with("expires_at", link.expiresAt())
                .with("url", call.baseUrl + OnboardingPage.PATH + token);
    }

    private static JsonMap listCountrySpecs() {
        List<JsonMap> specs =
                CountrySpecs.countries().stream().map(CountrySpecs::render).toList();
        return ListPage.envelope(specs, false, "/v1/country_specs");
    }

    private static JsonMap countrySpec(String country) {
        if (!CountrySpecs.known(country)) {
            throw ApiError.noSuch("country_spec", country);
        }
        return CountrySpecs.render(country);
    }
}
