package dev.fnguard.lambda;

import dev.fnguard.Evaluation;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.HttpPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart / CRaC priming: before the snapshot is taken, runs a synthetic event through the compiled
 * pipeline of every guarded handler created so far (HTTP, SQS, S3, IoT), so that restored functions
 * start warm (classes loaded, AWS serializers and Jackson deserializers built, validators initialized,
 * code JIT-compiled).
 *
 * <p>Priming calls no user code, uses no network, charges no budget (stateful checks are skipped) and
 * emits no audit event. Guarded handlers register themselves; enable SnapStart on the function
 * ({@code SnapStart: ApplyOn: PublishedVersions} in SAM) and nothing else is needed. On a JVM without
 * CRaC the registration is a no-op.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    private static final SnapStartPriming INSTANCE = new SnapStartPriming();

    private final List<Supplier<List<Evaluation>>> pipelines = new CopyOnWriteArrayList<>();

    private SnapStartPriming() {
        // CRaC keeps resources weakly: INSTANCE holds this one for the life of the class
        Core.getGlobalContext().register(this);
    }

    /**
     * The process-wide priming resource.
     *
     * @return the instance
     */
    public static SnapStartPriming instance() {
        return INSTANCE;
    }

    static void register(HttpPipeline<?, ?> pipeline) {
        INSTANCE.pipelines.add(pipeline::prime);
    }

    /**
     * Registers a batch pipeline (SQS, S3, IoT and the other record sources) with the synthetic native
     * event it is primed with.
     *
     * @param pipeline the pipeline
     * @param synthetic its synthetic event (see {@code SyntheticEvents})
     */
    static void register(BatchPipeline<?> pipeline, byte[] synthetic) {
        byte[] event = synthetic.clone();
        INSTANCE.pipelines.add(() -> pipeline.prime(event));
    }

    /**
     * Primes every registered pipeline now.
     *
     * @return the evaluations of the synthetic events, for tests and diagnostics
     */
    public List<Evaluation> primeAll() {
        List<Evaluation> all = new ArrayList<>();
        for (Supplier<List<Evaluation>> p : pipelines) {
            try {
                all.addAll(p.get());
            } catch (RuntimeException e) {
                // priming is best effort: a failure must not stop the snapshot
                LOG.warn("priming failed: {}", e.getClass().getName());
            }
        }
        return all;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Evaluation> primed = primeAll();
        LOG.info("primed {} guarded pipeline(s) before the snapshot", primed.size());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing cached depends on the instance: ids and randomness are drawn per event
    }
}
