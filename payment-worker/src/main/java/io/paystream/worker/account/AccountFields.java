package io.paystream.worker.account;

/**
 * The names of the fields connected-account documents store, shared by the projection that writes them and the queries
 * that read them, so a renamed field cannot compile on one side and break the other.
 */
final class AccountFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "accounts";

    static final String TYPE = "type";
    static final String COUNTRY = "country";
    static final String BUSINESS_TYPE = "businessType";
    static final String DEFAULT_CURRENCY = "defaultCurrency";
    static final String DETAILS_SUBMITTED = "detailsSubmitted";
    static final String CHARGES_ENABLED = "chargesEnabled";
    static final String PAYOUTS_ENABLED = "payoutsEnabled";
    static final String REQUIREMENTS = "requirements";
    static final String CURRENTLY_DUE = "currentlyDue";
    static final String PAST_DUE = "pastDue";
    static final String EVENTUALLY_DUE = "eventuallyDue";
    static final String DISABLED_REASON = "disabledReason";
    static final String CURRENT_DEADLINE = "currentDeadline";
    static final String ONBOARDING_CHECKLIST = "onboardingChecklist";
    static final String ONBOARDING_COMPLETE = "onboardingComplete";

    private AccountFields() {}
}
