package io.paystream.localstack;

import io.paystream.testsupport.KafkaBrokerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@code tail} against the same broker process the local stack runs. */
class TopicTailTest extends TopicTailContract {

    @TempDir
    static Path dataDir;

    private static KafkaBrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBrokerProcess.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Override
    String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
