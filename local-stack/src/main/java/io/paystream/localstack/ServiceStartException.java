package io.paystream.localstack;

/** A part of the stack did not come up; the message says which, why, and where its log is. */
final class ServiceStartException extends RuntimeException {

    ServiceStartException(String message) {
        super(message);
    }

    ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
