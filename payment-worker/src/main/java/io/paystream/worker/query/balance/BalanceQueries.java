package io.paystream.worker.query.balance;

import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.nested;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.balance.BalanceProjection;
import io.paystream.worker.query.StoredLookup;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Balances are stored under {@code <account>:<livemode>}, one document per account and mode. */
@Service
class BalanceQueries {

    private static final String BALANCES = new BalanceProjection().collection();

    private final MongoDatabase database;

    BalanceQueries(MongoDatabase database) {
        this.database = database;
    }

    BalanceView of(String account, boolean livemode) {
        Document balance = StoredLookup.byId(
                database.getCollection(BALANCES),
                account + ":" + livemode,
                "balance",
                account + (livemode ? " (live)" : " (test)"));
        return new BalanceView(
                account,
                livemode,
                CurrencyAmount.of(nested(balance, "available")),
                CurrencyAmount.of(nested(balance, "pending")),
                instant(balance, StoredFields.LAST_EVENT_CREATED),
                balance.getString(StoredFields.LAST_EVENT_ID),
                instant(balance, StoredFields.UPDATED_AT));
    }
}
