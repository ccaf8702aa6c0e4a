package io.paystream.emulator;

import java.util.List;

/** A webhook endpoint as the emulator stores it. */
public record WebhookEndpointView(
        String id,
        String accountId,
        String url,
        List<String> enabledEvents,
        String apiVersion,
        String secret,
        boolean livemode) {}
