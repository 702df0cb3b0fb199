package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.UUID;

/** What every mapper reads from the Lambda context, with the same fallbacks everywhere. */
final class LambdaContexts {

    private LambdaContexts() {
    }

    /**
     * @param ctx the Lambda context, may be null (tests, the drill)
     * @return the Lambda request id, or a random one when there is none
     */
    static String requestId(Context ctx) {
        return ctx != null && ctx.getAwsRequestId() != null ? ctx.getAwsRequestId() : UUID.randomUUID().toString();
    }

    /**
     * @param ctx the Lambda context, may be null
     * @return the milliseconds left, {@link Long#MAX_VALUE} when the context gives none
     */
    static long remainingMillis(Context ctx) {
        return ctx == null || ctx.getRemainingTimeInMillis() <= 0 ? Long.MAX_VALUE : ctx.getRemainingTimeInMillis();
    }
}
