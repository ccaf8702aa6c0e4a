package io.paystream.worker.deadletter;

import io.paystream.worker.config.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterReplayer deadLetterReplayer(
            ConsumerFactory<String, byte[]> consumers,
            KafkaTemplate<String, byte[]> kafka,
            WorkerProperties properties) {
        return new DeadLetterReplayer(
                consumers,
                kafka,
                properties.deadLetter().replayGroup(),
                properties.deadLetter().replayPollTimeout());
    }
}
