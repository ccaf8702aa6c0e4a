package io.paystream.emulator;

import java.util.List;
import java.util.Map;

/** The countries the emulator knows, with what Stripe lets accounts there charge in. */
final class CountrySpecs {

    /** Stripe lets an account present prices in any of its ~135 currencies; these are the common ones. */
    private static final List<String> PRESENTMENT_CURRENCIES = List.of(
            "aed", "aud", "brl", "cad", "chf", "cny", "czk", "dkk", "eur", "gbp", "hkd", "huf", "ils", "inr", "jpy",
            "krw", "mxn", "nok", "nzd", "pln", "ron", "sek", "sgd", "thb", "try", "usd", "zar");

    private record Spec(String defaultCurrency, List<String> bankCurrencies) {}

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("US", new Spec("usd", List.of("usd"))),
            Map.entry("GB", new Spec("gbp", List.of("gbp", "eur", "usd"))),
            Map.entry("CA", new Spec("cad", List.of("cad", "usd"))),
            Map.entry("AU", new Spec("aud", List.of("aud"))),
            Map.entry("FR", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("DE", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("IE", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("NL", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("ES", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("IT", new Spec("eur", List.of("eur", "gbp", "usd"))),
            Map.entry("JP", new Spec("jpy", List.of("jpy"))),
            Map.entry("NZ", new Spec("nzd", List.of("nzd"))),
            Map.entry("SG", new Spec("sgd", List.of("sgd"))));

    private CountrySpecs() {}

    static boolean known(String country) {
        return SPECS.containsKey(country);
    }

    static String defaultCurrency(String country) {
        return SPECS.get(country).defaultCurrency();
    }

    static List<String> countries() {
        return SPECS.keySet().stream().sorted().toList();
    }

    static JsonMap render(String country) {
        Spec spec = SPECS.get(country);
        JsonMap bank = new JsonMap();
        spec.bankCurrencies().forEach(currency -> bank.with(currency, List.of(country)));
        JsonMap fields = new JsonMap()
                .with("additional", List.of())
                .with("minimum", List.of("business_profile.url", "external_account", "tos_acceptance.date"));
        return JsonMap.object("country_spec", country)
                .with("default_currency", spec.defaultCurrency())
                .with("supported_bank_account_currencies", bank)
                .with("supported_payment_currencies", PRESENTMENT_CURRENCIES)
                .with("supported_payment_methods", List.of("card", "link"))
                .with("supported_transfer_countries", countries())
                .with(
                        "verification_fields",
                        new JsonMap().with("company", fields).with("individual", fields));
    }
}
