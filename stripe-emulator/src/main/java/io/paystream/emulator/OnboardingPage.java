package io.paystream.emulator;

/**
 * The page an account link points to: a form whose submission completes onboarding and sends the browser to the
 * link's {@code return_url}, standing in for Stripe's hosted onboarding in the local demo. Links are single use; an
 * expired or used one goes to {@code refresh_url}, as at Stripe.
 */
final class OnboardingPage {

    static final String PATH = "/connect/onboarding/";

    private final Store store;

    OnboardingPage(Store store) {
        this.store = store;
    }

    Reply handle(String method, String path) {
        String token = path.substring(PATH.length());
        synchronized (store) {
            OnboardingLink link = store.onboardingLinks.get(token);
            if (link == null || link.expiresAt() < store.now()) {
                return link != null && link.refreshUrl() != null
                        ? Reply.redirect(link.refreshUrl())
                        : Reply.html(404, page("This onboarding link is invalid or has expired.", ""));
            }
            if (method.equals("GET")) {
                return Reply.html(
                        200,
                        page(
                                "Finish setting up account " + escape(link.accountId()),
                                "<form method=\"post\"><button type=\"submit\">Complete onboarding</button></form>"));
            }
            if (!method.equals("POST")) {
                return Reply.html(405, page("Method not allowed", ""));
            }
            store.onboardingLinks.remove(token);
            Account account = store.account(link.accountId());
            store.changeAccount(account, changing -> changing.spec = changing.spec.onboarded(), null);
            return link.returnUrl() != null
                    ? Reply.redirect(link.returnUrl())
                    : Reply.html(200, page("Onboarding complete for " + escape(link.accountId()), ""));
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Stripe emulator onboarding</title></head>"
                + "<body><h1>" + title + "</h1><p>Stripe emulator: no real data is collected here.</p>" + body
                + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
