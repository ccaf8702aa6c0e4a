package io.paystream.emulator;

/** An object that appears in a Stripe list: ordered newest first, then by id. */
interface Listed {

    String id();

    long created();

    long sequence();

    JsonMap render();
}
