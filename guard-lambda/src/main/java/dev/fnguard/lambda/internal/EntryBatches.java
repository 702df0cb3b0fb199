package dev.fnguard.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two JSON edits of batches behind the drop-in entry point: removing the denied records from
 * the event before user code sees it, and reading the {@code batchItemFailures} user code answered
 * ({@code SQSBatchResponse} and {@code StreamsEventResponse} serialize alike).
 */
final class EntryBatches {

    private EntryBatches() {
    }

    /**
     * The event with only the records to keep.
     *
     * @param event the event bytes
     * @param field the top-level array of records
     * @param keep per record, in array order, whether it stays
     * @return the edited event
     * @throws IllegalStateException when the array does not hold one element per record
     */
    static byte[] keep(byte[] event, String field, boolean[] keep) {
        try {
            JsonNode tree = Json.WRITER.readTree(event);
            if (!(tree instanceof ObjectNode obj) || !(obj.get(field) instanceof ArrayNode records)
                    || records.size() != keep.length) {
                throw new IllegalStateException("the event's " + field + " do not match its mapped records");
            }
            for (int i = keep.length - 1; i >= 0; i--) {
                if (!keep[i]) {
                    records.remove(i);
                }
            }
            return Json.WRITER.writeValueAsBytes(obj);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The record ids user code reported failed, from an answer shaped like {@code SQSBatchResponse}.
     *
     * @param answer the bytes of user code's answer
     * @return the {@code itemIdentifier}s, in answer order; empty for any other answer
     */
    static List<String> reportedFailures(byte[] answer) {
        JsonNode tree;
        try {
            tree = Json.WRITER.readTree(answer);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (tree != null && tree.get("batchItemFailures") instanceof ArrayNode failures) {
            for (JsonNode f : failures) {
                JsonNode id = f.get("itemIdentifier");
                if (id != null && id.isTextual()) {
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }
}
