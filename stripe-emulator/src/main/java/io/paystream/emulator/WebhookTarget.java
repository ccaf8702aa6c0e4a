package io.paystream.emulator;

/** Where one delivery goes and the secret that signs it. */
record WebhookTarget(String url, String secret) {}
