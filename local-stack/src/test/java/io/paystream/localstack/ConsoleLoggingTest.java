package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The launcher's console is for the user: what the embedded servers log there is cut down in logback.xml. */
class ConsoleLoggingTest {

    /** Its own warnings (index options it does not know, ...) would come before the summary; errors must show. */
    @Test
    void theEmbeddedMongoServersIndexWarningsStayOffTheConsoleButItsErrorsDoNot() {
        Logger mongoDatabase = LoggerFactory.getLogger(AbstractMongoDatabase.class);

        assertThat(mongoDatabase.isWarnEnabled()).isFalse();
        assertThat(mongoDatabase.isErrorEnabled()).isTrue();
    }
}
