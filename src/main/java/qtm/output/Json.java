package qtm.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one JSON convention of every qtm output (summary.json and every {@code --json}): numbers are JSON numbers,
 * +∞ and −∞ are the strings {@code "inf"} and {@code "-inf"}, an undefined value (NaN, such as 0/0) is {@code null},
 * and −0.0 is written as 0.0. So the output is strict JSON that any parser reads, never {@code NaN},
 * {@code Infinity} or {@code -0.0}.
 *
 * <p>{@link #write} applies the convention to the whole tree, whatever was put into it, so a field added later
 * follows it too.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * @param x any double
     * @return x as a JSON value under the convention: a number, "inf", "-inf" or null
     */
    public static JsonNode number(double x) {
        if (Double.isNaN(x)) {
            return NODES.nullNode();
        }
        if (Double.isInfinite(x)) {
            return TextNode.valueOf(x > 0 ? "inf" : "-inf");
        }
        return NODES.numberNode(x + 0.0);
    }

    /**
     * @param tree any JSON tree (not modified)
     * @return the tree as indented JSON text under the convention, without a trailing newline
     */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(normalise(tree));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode normalise(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return number(v.doubleValue());
        }
        if (v.isArray()) {
            ArrayNode a = NODES.arrayNode(v.size());
            for (JsonNode e : v) {
                a.add(normalise(e));
            }
            return a;
        }
        if (v.isObject()) {
            ObjectNode o = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), normalise(e.getValue()));
            }
            return o;
        }
        return v;
    }
}
