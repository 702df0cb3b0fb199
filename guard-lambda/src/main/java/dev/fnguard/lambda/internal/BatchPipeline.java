package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.Evaluation;
import dev.fnguard.EventRecord;
import dev.fnguard.Guard;
import dev.fnguard.GuardContext;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Source;
import dev.fnguard.Verdict;
import dev.fnguard.internal.Throwables;
import dev.fnguard.lambda.RecordContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch invocation on Lambda (SQS, Kinesis, DynamoDB Streams, S3/SNS record lists), end to end:
 * read the event under the limit, map it, evaluate every record, deliver the accepted records one by
 * one to user code, and answer the ids of the denied and failed ones so the platform retries or
 * dead-letters them. Each denied or failed record gets its own audit event; the invocation gets
 * exactly one terminal audit event, whatever happens.
 *
 * <p>Order: once a record with an order key (SQS FIFO message group, Kinesis shard, DynamoDB stream
 * batch) fails, every later record with
 * the same key is reported failed without being delivered.
 *
 * @param <T> the payload type
 */
public final class BatchPipeline<T> {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    /**
     * Maps the native event bytes.
     */
    @FunctionalInterface
    public interface Mapper {
        /**
         * Maps the event; throws when AWS's deserializer refuses it.
         *
         * @param event the bytes
         * @param context the Lambda context, may be null
         * @param functionName the function name
         * @return the mapped batch
         */
        BatchEvent map(byte[] event, Context context, String functionName);
    }

    /**
     * User code for one record.
     *
     * @param <T> payload type
     */
    @FunctionalInterface
    public interface UserCode<T> {
        /**
         * Handles one record.
         *
         * @param payload the validated payload
         * @param context the record context
         * @throws Exception anything; the record is reported failed
         */
        void handle(T payload, RecordContext context) throws Exception;
    }

    /**
     * Writes the answer.
     */
    @FunctionalInterface
    public interface Answer {
        /**
         * Writes the answer for the failed record ids.
         *
         * @param failedIds ids of the records reported failed, in event order
         * @param out the stream
         * @throws IOException when writing fails
         */
        void write(List<String> failedIds, OutputStream out) throws IOException;
    }

    private final Guard guard;
    private final Class<T> payloadType;
    private final String functionName;
    private final Source unreadableSource;
    private final Mapper mapper;
    private final Answer answer;
    private final boolean reportFailures;
    private final int maxEventBytes;
    private final Optional<String> unreadableFailureId;
    private final boolean dropDenied;

    /**
     * Creates the pipeline.
     *
     * @param guard the guard
     * @param payloadType the payload class
     * @param functionName the function name when the context gives none
     * @param unreadableSource the source named in audit events of unreadable events
     * @param mapper maps native events
     * @param answer writes the answer
     * @param reportFailures true to report denied records as failed (batchItemFailures), false to drop
     *     them after auditing (async sources without a caller)
     */
    public BatchPipeline(Guard guard, Class<T> payloadType, String functionName, Source unreadableSource,
            Mapper mapper, Answer answer, boolean reportFailures) {
        this(guard, payloadType, functionName, unreadableSource, mapper, answer, reportFailures,
                guard.policy().limits().maxEventBytes(), Optional.empty());
    }

    /**
     * Creates the pipeline for a stream (Kinesis, DynamoDB Streams), where an event the guard cannot
     * read must not be answered as a success: Lambda would checkpoint past records nobody saw.
     *
     * @param guard the guard
     * @param payloadType the payload class
     * @param functionName the function name when the context gives none
     * @param unreadableSource the source named in audit events of unreadable events
     * @param mapper maps native events
     * @param answer writes the answer
     * @param reportFailures true to report denied records as failed
     * @param maxEventBytes the most bytes of a native event read
     * @param unreadableFailureId the id answered as failed when the event cannot be read at all (an
     *     empty id makes Lambda retry the whole batch), or empty to answer no failure
     */
    public BatchPipeline(Guard guard, Class<T> payloadType, String functionName, Source unreadableSource,
            Mapper mapper, Answer answer, boolean reportFailures, int maxEventBytes,
            Optional<String> unreadableFailureId) {
        this.guard = guard;
        this.payloadType = payloadType;
        this.functionName = functionName;
        this.unreadableSource = unreadableSource;
        this.mapper = mapper;
        this.answer = answer;
        this.reportFailures = reportFailures;
        this.maxEventBytes = maxEventBytes;
        this.unreadableFailureId = unreadableFailureId;
        this.dropDenied = guard.policy().sources().dropDenied();
    }

    /**
     * Runs one invocation.
     *
     * @param in the event
     * @param out the answer
     * @param context the Lambda context, may be null
     * @param user the user's code
     * @throws IOException when the answer cannot be written
     */
    public void handle(InputStream in, OutputStream out, Context context, UserCode<T> user) throws IOException {
        String fn = context != null && context.getFunctionName() != null ? context.getFunctionName() : functionName;
        Evaluation evaluation = null;
        BatchEvent batch = null;
        Outcome outcome = Outcome.SKIPPED;
        Throwable error = null;
        List<String> failed = new ArrayList<>();
        try {
            EventBytes event = EventBytes.read(in, maxEventBytes);
            if (event.truncated()) {
                evaluation = guard.refuse(unreadable(context, fn, event.length()), Verdict.deny(Reason.LIMIT_BODY));
            } else {
                // the read buffer may be longer than the event; mappers take exact arrays
                byte[] bytes = event.length() == event.bytes().length ? event.bytes()
                        : java.util.Arrays.copyOf(event.bytes(), event.length());
                try {
                    batch = mapper.map(bytes, context, fn);
                } catch (RuntimeException e) {
                    LOG.warn("batch event refused by the deserializer: {}", Throwables.describe(e));
                    evaluation = guard.refuse(unreadable(context, fn, bytes.length), Verdict.deny(Reason.MALFORMED));
                }
                if (batch != null) {
                    // the invocation's own trace header (its Lineage feeds the loop guard), for every mapper
                    batch = new BatchEvent(TraceHeaders.complete(batch.invocation(), context), batch.orderKeys(),
                            batch.failureIds());
                    evaluation = guard.evaluate(batch.invocation());
                }
            }
            if (batch == null) {
                // nothing could be read: no record ids to report; the invocation is dropped and audited
                LOG.warn("unreadable batch event dropped on request {}", evaluation.invocation().requestId());
            } else {
                outcome = deliver(batch, evaluation, user, failed);
                if (outcome == Outcome.ERROR) {
                    error = null;
                }
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError) {
                if (evaluation != null) {
                    guard.complete(evaluation, Outcome.ERROR, 0, Optional.of(t));
                }
                throw (VirtualMachineError) t;
            }
            LOG.error("guard failed: {}", Throwables.describe(t));
            error = t;
            outcome = Outcome.ERROR;
            if (evaluation == null) {
                evaluation = guard.refuse(unreadable(context, fn, 0), Verdict.deny(Reason.INTERNAL));
            }
            if (batch != null) {
                // fail closed: every record not yet reported is reported failed
                Set<String> already = new HashSet<>(failed);
                for (String id : batch.failureIds()) {
                    if (already.add(id)) {
                        failed.add(id);
                    }
                }
            }
        }
        if (batch == null && unreadableFailureId.isPresent()) {
            failed.add(unreadableFailureId.get());
        }
        try {
            answer.write(failed, out);
        } finally {
            guard.complete(evaluation, outcome, 0, Optional.ofNullable(error));
        }
    }

    /**
     * Runs a synthetic event through this pipeline without user code, audit or stateful checks (see
     * {@link Guard#prime}) to warm it before a snapshot: AWS's deserializer, the mapper, the
     * stateless checks and the answer writer.
     *
     * @param synthetic a native event made up for priming (see {@link SyntheticEvents}), never a real one
     * @return the evaluation of the synthetic event, for inspection
     */
    public List<Evaluation> prime(byte[] synthetic) {
        BatchEvent batch = mapper.map(synthetic, null, functionName);
        Evaluation e = guard.prime(batch.invocation());
        try {
            answer.write(List.of(), OutputStream.nullOutputStream());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return List.of(e);
    }

    private Outcome deliver(BatchEvent batch, Evaluation evaluation, UserCode<T> user, List<String> failed) {
        Invocation inv = evaluation.invocation();
        GuardContext ctx = new GuardContext(inv, evaluation.caller());
        Set<String> brokenOrder = new HashSet<>();
        List<RecordResult> results = evaluation.records();
        boolean delivered = false;
        boolean userFailed = false;
        for (int i = 0; i < results.size(); i++) {
            RecordResult r = results.get(i);
            String key = batch.orderKeys()[i];
            String failureId = batch.failureIds()[i];
            if (key != null && brokenOrder.contains(key)) {
                failed.add(failureId);
                guard.completeRecord(evaluation, r, Outcome.SKIPPED, Optional.empty());
                continue;
            }
            if (!r.deliverable()) {
                guard.completeRecord(evaluation, r, Outcome.SKIPPED, Optional.empty());
                // dropDenied: the record is consumed after its audit event; it neither comes back nor
                // holds back the later records of its message group or shard
                if (reportFailures && !dropDenied) {
                    failed.add(failureId);
                    if (key != null) {
                        brokenOrder.add(key);
                    }
                }
                continue;
            }
            T payload = payloadType == Void.class ? null : payloadType.cast(r.payload().orElse(null));
            try {
                user.handle(payload, new RecordContext(ctx, r.record()));
                delivered = true;
            } catch (Exception e) {
                userFailed = true;
                LOG.error("handler failed on record {} of request {}: {}", r.record().id(), inv.requestId(),
                        Throwables.describe(e));
                guard.completeRecord(evaluation, r, Outcome.ERROR, Optional.of(e));
                failed.add(failureId);
                if (key != null) {
                    brokenOrder.add(key);
                }
            }
        }
        if (userFailed) {
            return Outcome.ERROR;
        }
        return delivered ? Outcome.OK : Outcome.SKIPPED;
    }

    private Invocation unreadable(Context ctx, String fn, int size) {
        String id = LambdaContexts.requestId(ctx);
        return Invocation.builder().requestId(id).functionName(fn).source(unreadableSource).eventBytes(size).build();
    }

    /**
     * Failure ids of a batch as an array, for mappers.
     *
     * @param records the records
     * @return their ids
     */
    public static String[] ids(List<EventRecord> records) {
        String[] out = new String[records.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = records.get(i).id();
        }
        return out;
    }
}
