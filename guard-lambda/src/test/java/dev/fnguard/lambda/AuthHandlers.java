package dev.fnguard.lambda;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.auth.GatewayAuth;
import dev.fnguard.auth.Jwt;
import dev.fnguard.auth.RequireScope;
import java.util.Map;

/** Handlers guarded by the auth check, for the HTTP path tests. */
final class AuthHandlers {

    private AuthHandlers() {
    }

    /** JWT with a scope for POST. */
    @Guarded(http = @Http(methods = {"POST", "GET"}), jwt = @Jwt(audience = "orders-api"))
    @RequireScope(value = "orders:write", route = "POST /orders")
    static final class Orders extends GuardedHttpHandler<Item, Map<String, Object>> {
        volatile GuardContext last;

        Orders(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<Map<String, Object>> handle(Item item, GuardContext context) {
            last = context;
            return HttpReply.of(201, Map.<String, Object>of("by", context.caller().subject().orElse("?")));
        }
    }

    /** A GitHub webhook receiver. */
    @Guarded(http = @Http(methods = "POST"), webhook = @dev.fnguard.auth.Webhook(style = dev.fnguard.auth.Webhook.Style.GITHUB))
    static final class Hook extends GuardedHttpHandler<Item, Map<String, Object>> {
        Hook(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<Map<String, Object>> handle(Item item, GuardContext context) {
            return HttpReply.of(202, Map.<String, Object>of("sku", item.sku()));
        }
    }

    /** Trusts the API Gateway authorizer of API {@code api-id}. */
    @Guarded(http = @Http(methods = "POST"))
    @GatewayAuth(apiIds = "api-id")
    @RequireScope("scope1")
    static final class Gateway extends GuardedHttpHandler<Item, Map<String, Object>> {
        volatile GuardContext last;

        Gateway(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<Map<String, Object>> handle(Item item, GuardContext context) {
            last = context;
            return HttpReply.of(201, Map.<String, Object>of("by", context.caller().subject().orElse("?")));
        }
    }
}
