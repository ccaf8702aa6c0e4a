package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/** A Stripe API error: HTTP status plus the {@code error} object Stripe's clients parse. */
final class ApiError extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final @Nullable String code;
    private final @Nullable String param;

    ApiError(int status, String type, @Nullable String code, String message, @Nullable String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static ApiError invalid(String message, @Nullable String param) {
        return new ApiError(400, INVALID_REQUEST, null, message, param);
    }

    static ApiError invalidCode(String code, String message, String param) {
        return new ApiError(400, INVALID_REQUEST, code, message, param);
    }

    static ApiError missingParam(String param) {
        return new ApiError(400, INVALID_REQUEST, "parameter_missing", "Missing required param: " + param + ".", param);
    }

    static ApiError unknownParam(String param) {
        return new ApiError(400, INVALID_REQUEST, "parameter_unknown", "Received unknown parameter: " + param, param);
    }

    /** A path id that does not exist: 404, as Stripe answers {@code GET /v1/products/prod_missing}. */
    static ApiError noSuch(String kind, String id) {
        return new ApiError(404, INVALID_REQUEST, "resource_missing", noSuchMessage(kind, id), "id");
    }

    /** The object a path id named, or Stripe's 404 for it. */
    static <T> T found(@Nullable T object, String kind, String id) {
        if (object == null) {
            throw noSuch(kind, id);
        }
        return object;
    }

    /** A parameter naming an object that does not exist: 400 with the parameter, as Stripe does. */
    static ApiError noSuchParam(String kind, String id, String param) {
        return new ApiError(400, INVALID_REQUEST, "resource_missing", noSuchMessage(kind, id), param);
    }

    private static String noSuchMessage(String kind, String id) {
        return "No such " + kind + ": '" + id + "'";
    }

    static ApiError unauthorized(@Nullable String code, String message) {
        return new ApiError(401, INVALID_REQUEST, code, message, null);
    }

    static ApiError rateLimited() {
        return new ApiError(
                429,
                INVALID_REQUEST,
                "rate_limit",
                "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
                null);
    }

    static ApiError unrecognizedUrl(String method, String path) {
        return new ApiError(
                404,
                INVALID_REQUEST,
                null,
                "Unrecognized request URL (" + method + ": " + path
                        + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                null);
    }

    static ApiError internal() {
        return new ApiError(
                500,
                "api_error",
                null,
                "Sorry, something went wrong. We've already been notified of the problem, but if you need any help,"
                        + " you can reach us at https://support.stripe.com/contact.",
                null);
    }

    /** What {@link StripeEmulator#failNext} injects: Stripe's body for that status. */
    static ApiError injected(int status) {
        if (status == 429) {
            return rateLimited();
        }
        if (status >= 500) {
            return new ApiError(status, "api_error", null, internal().getMessage(), null);
        }
        return new ApiError(status, INVALID_REQUEST, null, "Injected failure (HTTP " + status + ").", null);
    }

    int status() {
        return status;
    }

    JsonMap body() {
        JsonMap error = new JsonMap();
        if (code != null) {
            error.with("code", code).with("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.with("message", getMessage());
        if (param != null) {
            error.with("param", param);
        }
        error.with("type", type);
        return new JsonMap().with("error", error);
    }
}
