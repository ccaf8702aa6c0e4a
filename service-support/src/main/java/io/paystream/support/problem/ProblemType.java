package io.paystream.support.problem;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A kind of problem an API answers, identified by its {@link #code()}: the last segment of its {@code type} URI
 * ({@value #TYPE_ROOT}&lt;code&gt;) and its {@code code} property. Clients react to the code, never to the title or
 * the detail, so a code once published keeps its meaning and its status.
 *
 * <p>A service names its own problems with an enum implementing {@link Enumerated} (code from the constant's name, see
 * {@link #codeOf(Enum)}), and uses {@link StandardProblem} for those every service has.
 */
public interface ProblemType {

    /** Every Paystream service's problem types live under this root; it is not a page anyone must fetch. */
    String TYPE_ROOT = "https://paystream.io/problems/";

    /** Lower case words joined by hyphens, as URI segments and Prometheus label values read best. */
    Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** {@code store-unavailable}: the last segment of {@link #type()} and the problem's {@code code} property. */
    String code();

    HttpStatus status();

    /** A short, human summary of the type; the same for every occurrence. */
    String title();

    /** Whether the same request may succeed later; retryable problems carry {@code Retry-After}. */
    boolean retryable();

    default URI type() {
        return URI.create(TYPE_ROOT + code());
    }

    /**
     * The same type (code, status, retryable) under a title a service's clients already know, e.g. payment-worker's
     * "State store unavailable" for {@link StandardProblem#STORE_UNAVAILABLE}.
     */
    default ProblemType titled(String title) {
        return of(code(), status(), title, retryable());
    }

    static ProblemType of(String code, HttpStatus status, String title, boolean retryable) {
        return new Defined(code, status, title, retryable);
    }

    /** {@code WRONG_KEY_TYPE} → {@code wrong-key-type}: the code of an enum constant. */
    static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * For an enum of problem types: each constant holds the type it stands for, made in its constructor with
     * {@code ProblemType.of(ProblemType.codeOf(this), status, title, retryable)}, and answers from it. One copy of the
     * accessors for every such enum.
     */
    interface Enumerated extends ProblemType {

        /** The type this constant stands for. */
        ProblemType definition();

        @Override
        default String code() {
            return definition().code();
        }

        @Override
        default HttpStatus status() {
            return definition().status();
        }

        @Override
        default String title() {
            return definition().title();
        }

        @Override
        default boolean retryable() {
            return definition().retryable();
        }
    }

    /** A type made with {@link #of} or {@link #titled}; equal when code, status, title and retryable are. */
    record Defined(String code, HttpStatus status, String title, boolean retryable) implements ProblemType {

        public Defined {
            Objects.requireNonNull(status, "status");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("problem code '" + code + "' must match " + CODE.pattern());
            }
            if (title.isBlank()) {
                throw new IllegalArgumentException("problem " + code + " needs a title");
            }
        }
    }
}
