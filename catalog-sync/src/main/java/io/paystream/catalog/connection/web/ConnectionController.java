package io.paystream.catalog.connection.web;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.keys.KeyConnectionRequest;
import io.paystream.catalog.connection.keys.KeyConnections;
import io.paystream.catalog.connection.keys.StripeGateway;
import io.paystream.catalog.connection.onboarding.ConnectOnboarding;
import io.paystream.catalog.connection.onboarding.OnboardingRequest;
import io.paystream.catalog.connection.store.ConnectionQueries;
import io.paystream.catalog.connection.store.ConnectionUpdates;
import io.paystream.catalog.connection.store.SecretReEncryption;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of customers' Stripe connections. Errors are RFC 9457 problem details ({@link ConnectionProblems}). */
@RestController
@RequestMapping("/api/connections")
@Tag(name = "connections", description = "Customers' Stripe connections: API keys or Connect onboarding")
@SecurityRequirement(name = "adminToken")
class ConnectionController {

    private final KeyConnections keyConnections;
    private final ConnectOnboarding onboarding;
    private final ConnectionQueries queries;
    private final ConnectionUpdates updates;
    private final SecretReEncryption reEncryption;

    ConnectionController(
            KeyConnections keyConnections,
            ConnectOnboarding onboarding,
            ConnectionQueries queries,
            ConnectionUpdates updates,
            SecretReEncryption reEncryption) {
        this.keyConnections = keyConnections;
        this.onboarding = onboarding;
        this.queries = queries;
        this.updates = updates;
        this.reEncryption = reEncryption;
    }

    /** {@code enabled} is validated as present. */
    record EnabledChange(@NotNull Boolean enabled) {}

    record ReEncryptionResult(int reEncrypted) {}

    @PostMapping
    @Operation(
            summary = "Connect by API keys",
            description = "Validates the keys with Stripe, registers a webhook endpoint on the account, stores the"
                    + " connection with its secrets encrypted. 201 only once webhook-ingest can accept the endpoint.")
    ResponseEntity<ConnectionView> connect(@Valid @RequestBody KeyConnectionRequest request) {
        Connection connection = keyConnections.connect(request);
        return ResponseEntity.created(URI.create("/api/connections/" + connection.id()))
                .body(ConnectionView.of(connection));
    }

    @PostMapping("/onboarding")
    @Operation(
            summary = "Start Stripe Connect onboarding",
            description = "Creates or links a connected account and"
                    + " returns the Stripe-hosted onboarding URL to send the user to.")
    ResponseEntity<OnboardingView> startOnboarding(@Valid @RequestBody OnboardingRequest request) {
        ConnectOnboarding.Started started = onboarding.start(request);
        return ResponseEntity.created(
                        URI.create("/api/connections/" + started.connection().id()))
                .body(OnboardingView.of(started.connection(), started.link()));
    }

    @PostMapping("/{id}/onboarding-link")
    @Operation(summary = "A fresh onboarding URL", description = "Account Links are single use and expire.")
    OnboardingView refreshOnboardingLink(@PathVariable String id) {
        StripeGateway.OnboardingLink link = onboarding.refreshLink(id);
        return OnboardingView.of(queries.get(id), link);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connection, disconnected ones included")
    ConnectionView get(@PathVariable String id) {
        return ConnectionView.of(queries.get(id));
    }

    @GetMapping
    @Operation(summary = "Connections, newest first", description = "Keyset pagination: pass nextCursor as cursor.")
    ConnectionPage list(
            @RequestParam(required = false) @Nullable String tenant,
            @Parameter(description = "pending, restricted, active, disabled or disconnected")
                    @RequestParam(required = false)
                    @Pattern(regexp = "pending|restricted|active|disabled|disconnected")
                    @Nullable
                    String status,
            @RequestParam(required = false) @Pattern(regexp = "live|test") @Nullable String mode,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return ConnectionPage.of(queries.list(tenant, status, mode, cursor, limit));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Switch a connection on or off")
    ConnectionView setEnabled(@PathVariable String id, @Valid @RequestBody EnabledChange change) {
        return ConnectionView.of(updates.setEnabled(id, change.enabled()));
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Disconnect",
            description = "Removes the webhook endpoint on Stripe, wipes the secrets, stops the account's syncs;"
                    + " the connection stays readable as disconnected. Idempotent.")
    ConnectionView disconnect(@PathVariable String id) {
        return ConnectionView.of(updates.disconnect(id));
    }

    @PostMapping("/re-encryption")
    @Operation(
            summary = "Re-encrypt secrets with the active key",
            description = "After a key rotation; also runs at start-up and on a schedule.")
    ReEncryptionResult reEncrypt() {
        return new ReEncryptionResult(reEncryption.run());
    }
}
