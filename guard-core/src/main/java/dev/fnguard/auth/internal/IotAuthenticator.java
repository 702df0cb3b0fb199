package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.SourceKind;
import dev.fnguard.auth.IotSettings;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** IoT device identity (client id, principal) against allow-lists; IoT invocations only. */
final class IotAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    static final String METHOD = "iot";

    private final IotSettings settings;

    IotAuthenticator(IotSettings settings) {
        this.settings = settings;
        if (settings.clientIds().isEmpty() && settings.principals().isEmpty()) {
            LOG.warn("IoT clients are declared but no client id or principal is allowed (IotClients or "
                    + "FNGUARD_IOT_CLIENT_IDS / FNGUARD_IOT_PRINCIPALS): every IoT message will be refused");
        }
    }

    @Override
    public Authentication authenticate(Invocation invocation) {
        if (invocation.source().kind() != SourceKind.IOT) {
            return Authentication.absent();
        }
        String clientId = invocation.authorizer().get("iot.clientId");
        String principal = invocation.authorizer().get("iot.principal");
        if (blank(clientId) && blank(principal)) {
            return Authentication.absent();
        }
        if (settings.clientIds().isEmpty() && settings.principals().isEmpty()) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "unconfigured");
        }
        if (!settings.clientIds().isEmpty() && (blank(clientId) || !IotSettings.matches(settings.clientIds(), clientId))) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "client");
        }
        if (!settings.principals().isEmpty()
                && (blank(principal) || !IotSettings.matches(settings.principals(), principal))) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "principal");
        }
        String subject = blank(clientId) ? principal : clientId;
        return Authentication.verified(new Caller(Optional.of(clip(subject)), Optional.of("aws-iot"), Set.of(),
                Set.of(), METHOD));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s) {
        return s.length() <= 256 ? s : s.substring(0, 256);
    }
}
