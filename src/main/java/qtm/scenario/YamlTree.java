package qtm.scenario;

import qtm.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Strict YAML: one document composed by SnakeYAML and turned into the Jackson tree the readers walk.
 *
 * <p>Choices, all refused with a {@link InputException}: bytes that are not UTF-8 (with the byte offset), a second
 * document, a key given twice in one mapping, anchors and aliases ({@code &a}, {@code *a}) and merge keys
 * ({@code <<}), local tags such as {@code !x}, keys that are not scalars. Aliases are refused rather than
 * resolved because no scenario needs them and resolving them invites exponential documents.
 *
 * <p>A scalar keeps the text it was written with: only plain {@code true}/{@code false} become booleans and a plain
 * empty value, {@code ~} or {@code null} becomes null; everything else is text, and {@link qtm.scenario.Node} reads
 * numbers from that text. So {@code initial: 01} stays the label "01" instead of YAML 1.1's octal 1, and a message
 * echoes a value exactly as the user wrote it.
 */
final class YamlTree {
    /** How deep mappings and lists may nest; a scenario needs four levels. */
    private static final int MAX_DEPTH = 64;
    /** Alias expansion is refused anyway; this only bounds SnakeYAML's own work before that. */
    private static final int MAX_ALIASES = 50;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTree() {
    }

    /**
     * Decodes UTF-8 strictly; a leading byte-order mark is dropped.
     *
     * @param file file name for messages
     * @param bytes the file's content
     * @return the text
     * @throws InputException naming the offset of the first byte that is not UTF-8
     */
    static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new InputException(file, "(file)", "invalid UTF-8 at byte offset " + in.position(),
                    "expected a UTF-8 text file");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Composes exactly one YAML document.
     *
     * @param file file name for messages
     * @param key what the text is, for messages ("(document)", or the key of a --set)
     * @param text the YAML text
     * @return the tree, or null for an empty document
     * @throws InputException if the text is not strict YAML as described above
     */
    static JsonNode parse(String file, String key, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(Math.max(text.length() + 1, 1));
        options.setProcessComments(false);
        Node root;
        try {
            TagWatch parser = new TagWatch(new ParserImpl(new StreamReader(text), options), file, key);
            Composer composer = new Composer(parser, new Resolver(), options);
            root = composer.checkNode() ? composer.getNode() : null;
            if (composer.checkNode()) {
                Node second = composer.getNode();
                throw new InputException(file, key, "a second YAML document" + at(second == null ? null
                        : second.getStartMark()), "expected exactly one document (remove '---' and what follows)");
            }
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            throw malformed(file, key, text, at(e.getProblemMark()), problem);
        } catch (YAMLException e) {
            throw malformed(file, key, text, "", e.getMessage() == null ? "" : e.getMessage());
        }
        return root == null ? null : convert(file, key, "", root, tagged.get());
    }

    /** The start offsets of the nodes with an explicit tag, while {@link #parse} runs. */
    private static final ThreadLocal<java.util.Set<Integer>> tagged = ThreadLocal.withInitial(java.util.HashSet::new);

    /**
     * Passes the parser's events on, noting which nodes carry an explicit tag ({@code !!str}, {@code !!float},
     * {@code !x}, {@code !e!...}): the composed tree no longer tells an explicit {@code !!float} from a resolved
     * one. A {@code %TAG} directive is refused outright.
     */
    private static final class TagWatch implements Parser {
        private final Parser inner;
        private final String file;
        private final String key;

        TagWatch(Parser inner, String file, String key) {
            this.inner = inner;
            this.file = file;
            this.key = key;
            tagged.get().clear();
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return inner.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return inner.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = inner.getEvent();
            String tag = null;
            if (e instanceof ScalarEvent s) {
                tag = s.getTag();
            } else if (e instanceof CollectionStartEvent c) {
                tag = c.getTag();
            } else if (e instanceof DocumentStartEvent d && d.getTags() != null && !d.getTags().isEmpty()) {
                throw new InputException(file, key, "%TAG" + at(d.getStartMark()),
                        "tag directives and tags are not supported; write plain values");
            }
            if (tag != null && !tag.equals("!")) {
                tagged.get().add(e.getStartMark() == null ? -1 : e.getStartMark().getIndex());
            }
            return e;
        }
    }

    private static JsonNode convert(String file, String key, String path, Node node, java.util.Set<Integer> tags) {
        String where = path.isEmpty() ? key : path;
        if (node.getAnchor() != null) {
            throw new InputException(file, where, "&" + node.getAnchor() + at(node.getStartMark()),
                    "anchors and aliases (&name, *name) are not supported; write the value out");
        }
        if (!node.getTag().getValue().startsWith(Tag.PREFIX)
                || (node.getStartMark() != null && tags.contains(node.getStartMark().getIndex()))) {
            throw new InputException(file, where, node.getTag().getValue() + at(node.getStartMark()),
                    "tags are not supported; write a plain value");
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode a = NODES.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                a.add(convert(file, key, where + "[" + i++ + "]", item, tags));
            }
            return a;
        }
        MappingNode map = (MappingNode) node;
        ObjectNode o = NODES.objectNode();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) {
                throw new InputException(file, where, "<<" + at(k.getStartMark()),
                        "merge keys (<<) are not supported; write the keys out");
            }
            if (k.getAnchor() != null) {
                throw new InputException(file, where, "&" + k.getAnchor() + at(k.getStartMark()),
                        "anchors and aliases (&name, *name) are not supported; write the value out");
            }
            if (k.getStartMark() != null && tags.contains(k.getStartMark().getIndex())) {
                throw new InputException(file, where, k.getTag().getValue() + at(k.getStartMark()),
                        "tags are not supported; write a plain key");
            }
            if (!(k instanceof ScalarNode ks)) {
                throw new InputException(file, where, "a complex key" + at(k.getStartMark()),
                        "expected plain text keys");
            }
            String name = ks.getValue();
            String child = path.isEmpty() && key.startsWith("(") ? name : where + "." + name;
            if (o.has(name)) {
                throw new InputException(file, child, "given twice" + at(k.getStartMark()),
                        "expected each key once per mapping");
            }
            o.set(name, convert(file, key, child, t.getValueNode(), tags));
        }
        return o;
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        if (s.getTag().equals(Tag.NULL)) {
            return NullNode.getInstance();
        }
        if (s.isPlain() && s.getTag().equals(Tag.BOOL)) {
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return BooleanNode.valueOf(lower.equals("true"));
            }
        }
        return TextNode.valueOf(v);
    }

    /** In a file the line number locates the problem; a --set value is short enough to be shown whole. */
    private static InputException malformed(String file, String key, String text, String at, String problem) {
        String why = problem.lines().findFirst().orElse("");
        if (key.startsWith("(")) {
            return new InputException(file, key, "malformed YAML" + at, "expected valid YAML (" + why + ")");
        }
        return new InputException(file, key, text, "the --set value is not valid YAML (" + why + ")");
    }

    private static String at(Mark m) {
        return m == null ? "" : " at line " + (m.getLine() + 1);
    }
}
