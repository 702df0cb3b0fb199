package dev.fnguard.examples.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * AWS's sample events (in {@code src/main/resources/events}, see its SOURCE.md), loaded as trees so
 * that a case changes only what it needs.
 */
public final class SampleEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleEvents() {
    }

    /**
     * Loads a sample event.
     *
     * @param name the file name under {@code events/}
     * @return a fresh, mutable tree
     */
    public static ObjectNode load(String name) {
        try (InputStream in = SampleEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sample event changed by {@code edit}, as bytes on demand.
     *
     * @param name the sample
     * @param edit the change
     * @return the event supplier
     */
    public static Supplier<InputStream> edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode node = load(name);
        edit.accept(node);
        byte[] bytes = toBytes(node);
        return () -> new ByteArrayInputStream(bytes);
    }

    /**
     * The tree as JSON bytes.
     *
     * @param node the tree
     * @return UTF-8 JSON
     */
    public static byte[] toBytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets an HTTP event's body as text.
     *
     * @param event the event
     * @param body the body
     */
    public static void body(ObjectNode event, String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
    }

    /**
     * Sets an HTTP event's body as base64 of raw bytes.
     *
     * @param event the event
     * @param body the raw body
     */
    public static void base64Body(ObjectNode event, byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
    }

    /**
     * Sets a header, in {@code headers} and, where present, {@code multiValueHeaders}.
     *
     * @param event the event
     * @param name header name
     * @param value header value
     */
    public static void header(ObjectNode event, String name, String value) {
        ObjectNode headers = event.has("headers") && event.get("headers").isObject()
                ? (ObjectNode) event.get("headers") : event.putObject("headers");
        headers.put(name, value);
        if (event.has("multiValueHeaders") && event.get("multiValueHeaders").isObject()) {
            ((ObjectNode) event.get("multiValueHeaders")).putArray(name).add(value);
        }
    }

    /**
     * An event of {@code size} bytes made of a sample's envelope around a huge body, generated while
     * it is read: the drill itself never holds it.
     *
     * @param size total bytes, roughly
     * @return the event supplier
     */
    public static Supplier<InputStream> hugeV2(long size) {
        ObjectNode node = load("apigw_http_event.json");
        node.put("body", "@@BODY@@");
        String json = new String(toBytes(node), StandardCharsets.UTF_8);
        int at = json.indexOf("@@BODY@@");
        byte[] head = (json.substring(0, at) + "{\\\"note\\\":\\\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\\\"}" + json.substring(at + "@@BODY@@".length())).getBytes(StandardCharsets.UTF_8);
        return () -> new GeneratedStream(head, size, tail);
    }

    /** Head, then {@code n} filler bytes, then tail, produced on the fly. */
    private static final class GeneratedStream extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long fill;
        private long pos;

        GeneratedStream(byte[] head, long fill, byte[] tail) {
            this.head = head;
            this.tail = tail;
            this.fill = fill;
        }

        @Override
        public int read() {
            long total = head.length + fill + tail.length;
            if (pos >= total) {
                return -1;
            }
            long p = pos++;
            if (p < head.length) {
                return head[(int) p] & 0xFF;
            }
            if (p < head.length + fill) {
                return 'A';
            }
            return tail[(int) (p - head.length - fill)] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
