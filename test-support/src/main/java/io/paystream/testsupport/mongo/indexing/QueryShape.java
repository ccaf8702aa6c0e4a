package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * A query without its values: field names and operators kept, every value {@code "?"}. Values may hold customer data
 * and never leave the server in a scan record or a log line.
 */
final class QueryShape {

    private static final String VALUE = "\"?\"";

    private QueryShape() {}

    static String of(Document query) {
        StringBuilder out = new StringBuilder();
        query(query, out);
        return out.toString();
    }

    private static void query(Document query, StringBuilder out) {
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            out.append(separator);
            separator = ", ";
            name(entry.getKey(), out);
            switch (entry.getKey()) {
                case "$and", "$or", "$nor" -> queries(entry.getValue(), out);
                default -> {
                    if (entry.getKey().startsWith("$")) {
                        out.append(VALUE);
                    } else {
                        condition(entry.getValue(), out);
                    }
                }
            }
        }
        out.append('}');
    }

    private static void queries(Object value, StringBuilder out) {
        if (!(value instanceof List<?> list)) {
            out.append(VALUE);
            return;
        }
        out.append('[');
        String separator = "";
        for (Object element : list) {
            out.append(separator);
            separator = ", ";
            if (element instanceof Document branch) {
                query(branch, out);
            } else {
                out.append(VALUE);
            }
        }
        out.append(']');
    }

    /** A field's condition: an operator document keeps its operators; anything else is a value. */
    private static void condition(Object value, StringBuilder out) {
        if (!(value instanceof Document operators) || !isOperatorDocument(operators)) {
            out.append(VALUE);
            return;
        }
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> entry : operators.entrySet()) {
            out.append(separator);
            separator = ", ";
            name(entry.getKey(), out);
            Object argument = entry.getValue();
            if (entry.getKey().equals("$not")) {
                condition(argument, out);
            } else if (entry.getKey().equals("$elemMatch") && argument instanceof Document elementQuery) {
                if (isOperatorDocument(elementQuery)) {
                    condition(elementQuery, out);
                } else {
                    query(elementQuery, out);
                }
            } else {
                out.append(VALUE);
            }
        }
        out.append('}');
    }

    /** As mongo-java-server's matcher decides: by the first key. */
    static boolean isOperatorDocument(Document document) {
        return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
    }

    private static void name(String name, StringBuilder out) {
        out.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ");
    }
}
