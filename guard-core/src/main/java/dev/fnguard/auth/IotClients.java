package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts IoT messages only from listed device client ids and/or certificate principals. An entry
 * ending in {@code *} matches by prefix ({@code sensor-*}). The values are read from
 * {@link dev.fnguard.Invocation#authorizer()} ({@code iot.clientId}, {@code iot.principal}), which
 * the IoT event mapping fills from the rule's {@code clientid()} and {@code principal()} selections;
 * only invocations whose source kind is {@code IOT} are considered. {@code FNGUARD_IOT_CLIENT_IDS}
 * and {@code FNGUARD_IOT_PRINCIPALS} (comma-separated) replace the lists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface IotClients {

    /**
     * Accepted MQTT client ids; empty does not check the client id.
     *
     * @return ids or prefixes ending in {@code *}
     */
    String[] clientIds() default {};

    /**
     * Accepted principals (certificate ids, Cognito identities); empty does not check the principal.
     *
     * @return principals or prefixes ending in {@code *}
     */
    String[] principals() default {};
}
