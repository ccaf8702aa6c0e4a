package io.paystream.worker.balance;

import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.nested;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.query.StoredLookup;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Balances are stored under {@code <account>:<livemode>}, one document per account and mode. */
@Service
class BalanceQueries {

    private static final String BALANCES = BalanceFields.COLLECTION;

    private final MongoDatabase database;

    BalanceQueries(MongoDatabase database) {
        this.database = database;
    }

    BalanceView of(String account, boolean livemode) {
        Document balance = StoredLookup.byId(
                database.getCollection(BALANCES),
                BalanceProjection.idOf(account, livemode),
                "balance",
                account + (livemode ? " (live)" : " (test)"));
        return new BalanceView(
                account,
                livemode,
                CurrencyAmount.of(nested(balance, BalanceFields.AVAILABLE)),
                CurrencyAmount.of(nested(balance, BalanceFields.PENDING)),
                instant(balance, StoredFields.LAST_EVENT_CREATED),
                balance.getString(StoredFields.LAST_EVENT_ID),
                instant(balance, StoredFields.UPDATED_AT));
    }
}
