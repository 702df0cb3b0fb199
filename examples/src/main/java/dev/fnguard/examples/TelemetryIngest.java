package dev.fnguard.examples;

import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.Sources;
import dev.fnguard.auth.IotClients;
import dev.fnguard.lambda.GuardedIotHandler;
import dev.fnguard.lambda.RecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS IoT Core rule target for device telemetry on {@code sensors/+/telemetry}. The rule's SQL is
 * {@code SELECT *, topic() AS topic, clientid() AS clientId FROM 'sensors/+/telemetry'}: the guard
 * reads the two keys for its checks (topic filter, client id {@code sensor-*}) and removes them before
 * binding the {@link Telemetry} reading. {@code FNGUARD_IOT_CLIENT_IDS} replaces the client ids.
 */
@Guarded(limits = @Limits(maxBodyBytes = 2 * 1024), sources = @Sources(allowed = "iot:sensors/+/telemetry"),
        iot = @IotClients(clientIds = "sensor-*"))
public final class TelemetryIngest extends GuardedIotHandler<Telemetry> {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryIngest.class);

    /** For Lambda: process environment. */
    public TelemetryIngest() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink, clock
     */
    public TelemetryIngest(GuardOptions options) {
        super(options);
    }

    @Override
    protected void handle(Telemetry reading, RecordContext ctx) {
        LOG.info("reading of device {} at {}", reading.deviceId(), reading.ts());
    }
}
