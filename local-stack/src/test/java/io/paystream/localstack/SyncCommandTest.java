package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SyncCommandTest {

    @Test
    void progressNamesEachTargetAndTypeWithItsObjectsAndStatus() {
        String run = """
                {"runId":"bf_1","status":"running","targets":[{"account":"acct_1","livemode":false,"status":"running",
                 "types":[{"type":"customers","status":"succeeded","objects":1200,"pages":12},
                          {"type":"invoices","status":"running","objects":300,"pages":3}]}]}""";

        assertThat(SyncCommand.progress(JsonMapper.builder().build().readTree(run)))
                .isEqualTo("acct_1/test: customers=1200(succeeded) invoices=300(running)");
    }

    @Test
    void withoutCatalogSyncItSaysSoAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int port = FreePorts.distinct(1)[0];

        int code = SyncCommand.run(
                List.of("acct_1"),
                Map.of("PAYSTREAM_CATALOG_PORT", Integer.toString(port)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(LocalStack.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot reach catalog-sync");
    }

    @Test
    void aModeOtherThanTrueOrFalseIsAUsageError() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SyncCommand.run(List.of("--livemode", "yes"), Map.of(), quiet, quiet))
                .isInstanceOf(UsageException.class);
    }
}
