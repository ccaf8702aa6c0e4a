package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Random filters of the shapes the planner handles (and some it must leave alone). */
final class RandomFilters {

    private final RandomData data;

    RandomFilters(RandomData data) {
        this.data = data;
    }

    Bson filter() {
        return switch (data.nextInt(24)) {
            case 0 -> eq(field(), value());
            case 1 -> in(field(), values());
            case 2 -> range(field());
            case 3 -> and(range("c"), range("c"));
            case 4 -> and(eq("_id", data.someId()), eq("version", data.nextInt(4)));
            case 5 -> and(eq("b", data.pick(List.of("x", "y", "z"))), range("c"));
            case 6 -> and(eq("account", account()), eq("livemode", data.chance(50)), range("created"));
            case 7 -> keysetPage();
            case 8 -> or(eq("a", data.scalar()), eq("b", data.pick(List.of("x", "y"))));
            case 9 -> or(eq("a", data.scalar()), eq("z", data.nextInt(6)));
            case 10 -> data.pick(List.of(lte("s", data.scalar()), eq("s", data.scalar()), eq("s", null)));
            case 11 -> data.pick(List.of(eq("n.x", data.scalar()), range("n.x"), in("tags", List.of("red", "x"))));
            case 12 -> eq("tags", data.pick(List.of("red", "blue", "green")));
            case 13 -> eq("z", data.nextInt(6));
            case 14 -> and(eq("a", data.scalar()), data.pick(List.of(ne("b", "x"), nin("c", List.of(1, 2)))));
            case 15 -> and(range("a"), data.pick(List.of(regex("b", "^[xy]"), not(gt("c", 5)), exists("s"))));
            case 16 -> in("_id", List.of(data.someId(), data.someId(), data.someId()));
            case 17 -> new Document();
            case 18 -> eq("a", data.pick(List.of(List.of(1, 2), new Document("k", 1), List.of())));
            case 19 -> elemMatch("tags", eq("$eq", "red"));
            case 20 -> exists("a", false);
            case 21 -> and(eq("b", data.pick(List.of("x", "y"))), eq("c", data.number()));
            case 22 -> or(and(eq("_id", data.someId()), eq("version", 1)), eq("u", "u" + data.nextInt(400)));
            default -> and(eq("account", account()), in("livemode", List.of(true, false)), eq("a", data.scalar()));
        };
    }

    /** Keyset pagination's continuation: after (created d, _id id), sorted by created and _id descending. */
    Bson keysetPage() {
        Object created = data.chance(90) ? data.date() : null;
        Object id = data.someId();
        return and(
                eq("account", account()),
                eq("livemode", data.chance(50)),
                or(lt("created", created), and(eq("created", created), lt("_id", id)), eq("created", null)));
    }

    private String account() {
        return data.pick(RandomData.ACCOUNTS);
    }

    private String field() {
        return data.pick(List.of("a", "b", "c", "n.x", "tags", "s", "created", "z", "u", "_id"));
    }

    private Object value() {
        Object value = data.value();
        return value == RandomData.MISSING ? data.scalar() : value;
    }

    private List<Object> values() {
        List<Object> values = new ArrayList<>();
        for (int i = data.nextInt(4); i >= 0; i--) {
            values.add(data.chance(10) ? null : data.scalar());
        }
        return values;
    }

    private Bson range(String field) {
        Object bound = data.scalar();
        return switch (data.nextInt(5)) {
            case 0 -> gt(field, bound);
            case 1 -> gte(field, bound);
            case 2 -> lt(field, bound);
            case 3 -> lte(field, bound);
            default -> and(gte(field, bound), lt(field, data.scalar()));
        };
    }
}
