package io.paystream.worker.apply;

/**
 * An event that can never be applied, however often it is retried: unparseable, missing required fields, or
 * contradicting stored state (a test-mode event for a live-mode object). It goes to the dead-letter topic at once.
 * Messages never quote the event body.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
