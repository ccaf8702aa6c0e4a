package io.paystream.worker.account;

/**
 * The names of the fields of one stored onboarding checklist item, written by the projection and read by the
 * onboarding query.
 */
final class ChecklistFields {

    static final String ITEM = "item";
    static final String STATE = "state";
    static final String REQUIREMENTS = "requirements";

    private ChecklistFields() {}
}
