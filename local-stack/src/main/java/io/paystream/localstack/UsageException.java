package io.paystream.localstack;

/** The command line cannot be understood; the launcher prints the message and the usage, and exits with code 2. */
final class UsageException extends RuntimeException {

    private final boolean showUsage;

    UsageException(String message) {
        this(message, true);
    }

    /** With {@code showUsage} false the message alone is printed, when it already says what to type instead. */
    UsageException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }

    boolean showUsage() {
        return showUsage;
    }
}
