package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStackCommandLineTest {

    @Test
    void noCommandPrintsUsageAndExitsWith2() {
        Console console = Console.run();

        assertThat(console.exitCode()).isEqualTo(LocalStack.USAGE);
        assertThat(console.err()).contains("Usage: ./paystream <command>");
    }

    @Test
    void unknownCommandPrintsUsageAndExitsWith2() {
        Console console = Console.run("launch", "--now");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("unknown command 'launch'").contains("Usage: ./paystream <command>");
        assertThat(console.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpPrintsUsageToStdoutAndExitsWith0(String help) {
        Console console = Console.run(help);

        assertThat(console.exitCode()).isZero();
        assertThat(console.out()).contains("up", "send <event-type|lifecycle>", "tail [topic]", "--rebuild");
    }

    /** Every option {@code up} accepts, as the help and the doc must name it. */
    static List<String> upOptions() {
        Set<String> names = new TreeSet<>(StackSettings.VALUED_FLAGS);
        names.addAll(StackSettings.SWITCHES);
        return names.stream().map(name -> "--" + name).toList();
    }

    /** The variable each port option falls back to, e.g. {@code PAYSTREAM_EMULATOR_PORT} for {@code --emulator-port}. */
    static List<String> portVariables() {
        return StackSettings.VALUED_FLAGS.stream()
                .filter(name -> name.endsWith("-port"))
                .map(name -> "PAYSTREAM_" + name.toUpperCase(Locale.ROOT).replace('-', '_'))
                .sorted()
                .toList();
    }

    @Test
    void helpNamesEveryOptionOfUpAndEveryPortVariable() {
        String help = Console.run("help").out();

        assertThat(help).contains(upOptions()).contains(portVariables());
    }

    @Test
    void theLocalStackDocNamesEveryOptionOfUpAndEveryPortVariable() throws IOException {
        String doc = Files.readString(DockerComposeContractTest.REPO.resolve("docs/local-stack.md"));

        assertThat(doc).contains(upOptions()).contains(portVariables());
    }

    /**
     * A fresh clone has no build: {@code ./paystream help} must answer from the source tree at once. The script runs
     * here from a folder holding only itself and the usage text, so any attempt to build or to start the launcher
     * fails.
     */
    @Test
    void theScriptPrintsTheLaunchersHelpWithoutABuild(@TempDir Path clone) throws Exception {
        Path usage = Path.of("src/main/resources/io/paystream/localstack/usage.txt");
        Files.copy(DockerComposeContractTest.REPO.resolve("paystream"), clone.resolve("paystream"));
        Files.createDirectories(clone.resolve("local-stack").resolve(usage).getParent());
        Files.copy(usage, clone.resolve("local-stack").resolve(usage));

        Process script = new ProcessBuilder("bash", clone.resolve("paystream").toString(), "help")
                .redirectErrorStream(true)
                .start();
        String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(printed).isZero();
        assertThat(printed).isEqualTo(LocalStack.USAGE_TEXT);
        assertThat(clone.resolve("local-stack/target")).doesNotExist();
    }

    @Test
    void upRefusesAnUnknownOptionBeforeStartingAnything() {
        Console console = Console.run("up", "--kafka-prot", "9092");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("unknown option --kafka-prot");
        assertThat(console.out()).doesNotContain("Starting");
    }

    @Test
    void upRefusesArguments() {
        assertThat(Console.run("up", "now").err()).contains("up takes no arguments");
    }

    @Test
    void upRefusesAPortOutOfRange() {
        Console console = Console.run("up", "--ingest-port=70000");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("--ingest-port (or PAYSTREAM_INGEST_PORT) must be between 1 and 65535");
    }

    @Test
    void upNamesTheEnvironmentVariableWhenItsValueIsBad() {
        Console console = Console.run(Map.of("PAYSTREAM_MONGO_PORT", "mongo"), "up");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("PAYSTREAM_MONGO_PORT").contains("not 'mongo'");
    }

    @Test
    void upOptionWithoutValueIsAUsageError() {
        assertThat(Console.run("up", "--data-dir").err()).contains("--data-dir needs a value");
    }

    @Test
    void sendWithoutArgumentListsWhatItCanSend() {
        Console console = Console.run("send");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err())
                .contains("send needs exactly one event type or lifecycle name")
                .contains("local-stack-smoke")
                .contains("payment_intent.succeeded");
    }

    @Test
    void sendWithAnUnknownNameListsTheLifecyclesAndEventTypesWithoutTheWholeUsage() {
        Console console = Console.run("send", "payment_intent.exploded");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err())
                .contains("no fixture lifecycle or event type 'payment_intent.exploded'")
                .contains("Lifecycles:\n  local-stack-smoke")
                .contains("payment_intent.created", "payment_intent.succeeded")
                .doesNotContain("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "many"})
    void sendRefusesACountThatIsNotPositive(String count) {
        Console console = Console.run("send", "payment_intent.succeeded", "--count", count);

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("--count");
    }

    @Test
    void sendRefusesANonHttpUrl() {
        Console console = Console.run("send", "payment_intent.succeeded", "--url", "ftp://localhost/x");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("--url must be an http(s) URL");
    }

    @Test
    void sendToAStackThatIsNotRunningSaysSoAndExitsWith1() {
        String url = "http://127.0.0.1:" + FreePorts.next() + "/webhooks/stripe";

        Console console = Console.run("send", "payment_intent.succeeded", "--url", url);

        assertThat(console.exitCode()).isEqualTo(1);
        assertThat(console.err()).contains("Cannot reach " + url).contains("./paystream up");
    }

    @Test
    void tailTakesAtMostOneTopic() {
        Console console = Console.run("tail", "stripe.events", "payments.events");

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("tail takes at most one topic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max=x", "--max=0", "--timeout=soon", "--timeout=0s", "--follow"})
    void tailRefusesBadOptions(String option) {
        Console console = Console.run("tail", option);

        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.out()).doesNotContain("Tailing");
    }
}
