package io.paystream.catalog;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The MongoDB database every feature writes to with the plain driver (conditional single-document updates). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    MongoDatabase catalogDatabase(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
