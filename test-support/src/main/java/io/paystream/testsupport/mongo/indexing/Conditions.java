package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.QueryOperator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A query flattened into its conjuncts ({@code $and}, nested too): per field what an index can use, and the top-level
 * {@code $or}s. A query this does not understand (an unknown operator, a malformed {@code $and}) is marked invalid and
 * left to mongo-java-server, which answers it, or reports its error, exactly as before.
 */
final class Conditions {

    private static final Set<String> OPERATORS =
            Stream.of(QueryOperator.values()).map(QueryOperator::getValue).collect(Collectors.toUnmodifiableSet());

    private final Map<String, FieldCondition> fields = new LinkedHashMap<>();
    private final List<List<Document>> ors = new ArrayList<>();
    private boolean valid = true;

    private Conditions() {}

    static Conditions of(Document query) {
        Conditions conditions = new Conditions();
        conditions.addQuery(query);
        return conditions;
    }

    /** Both hold: the union of the fields' conditions (merged per field) and of the {@code $or}s. */
    Conditions and(Conditions other) {
        Conditions both = withoutOrs();
        other.fields.forEach(both::addCondition);
        both.ors.addAll(ors);
        both.ors.addAll(other.ors);
        both.valid &= other.valid;
        return both;
    }

    Conditions withoutOrs() {
        Conditions copy = new Conditions();
        copy.fields.putAll(fields);
        copy.valid = valid;
        return copy;
    }

    @Nullable
    FieldCondition field(String path) {
        return fields.get(path);
    }

    List<List<Document>> ors() {
        return ors;
    }

    boolean valid() {
        return valid;
    }

    private void addQuery(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "$and" -> {
                    List<Document> conjuncts = documents(value);
                    if (conjuncts == null) {
                        valid = false;
                    } else {
                        conjuncts.forEach(this::addQuery);
                    }
                }
                case "$or" -> {
                    List<Document> branches = documents(value);
                    if (branches == null || !allValid(branches)) {
                        valid = false;
                    } else {
                        ors.add(branches);
                    }
                }
                case "$nor" -> {
                    List<Document> branches = documents(value);
                    valid &= branches != null && allValid(branches);
                }
                case "$expr", "$comment" -> {}
                default -> {
                    if (key.startsWith("$")) {
                        valid = false;
                    } else {
                        addField(key, value);
                    }
                }
            }
        }
    }

    private void addField(String path, @Nullable Object value) {
        if (!(value instanceof Document operators) || !QueryShape.isOperatorDocument(operators)) {
            addCondition(path, FieldCondition.equality(value));
            return;
        }
        if (BsonRegularExpression.isRegularExpression(operators)) {
            return;
        }
        for (Map.Entry<String, Object> entry : operators.entrySet()) {
            Object argument = entry.getValue();
            switch (entry.getKey()) {
                case "$eq" -> addCondition(path, FieldCondition.equality(argument));
                case "$in" -> {
                    if (argument instanceof Collection<?> values) {
                        addCondition(path, FieldCondition.in(values));
                    } else {
                        valid = false;
                    }
                }
                case "$gt" -> addCondition(path, FieldCondition.lower(argument, false));
                case "$gte" -> addCondition(path, FieldCondition.lower(argument, true));
                case "$lt" -> addCondition(path, FieldCondition.upper(argument, false));
                case "$lte" -> addCondition(path, FieldCondition.upper(argument, true));
                default -> valid &= OPERATORS.contains(entry.getKey());
            }
        }
    }

    private void addCondition(String path, FieldCondition condition) {
        fields.merge(path, condition, FieldCondition::and);
    }

    private static boolean allValid(List<Document> branches) {
        return branches.stream().allMatch(branch -> of(branch).valid);
    }

    /** The non-empty array of documents that {@code $and}, {@code $or} and {@code $nor} require, or null. */
    private static @Nullable List<Document> documents(@Nullable Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Document> documents = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Document document)) {
                return null;
            }
            documents.add(document);
        }
        return documents;
    }
}
