package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires every listed scope of the verified caller (from the token's {@code scope} or {@code scp}
 * claim, or a gateway authorizer's scopes); a caller without one is refused with 403
 * ({@code SCOPE}). Repeat it with {@link #route()} to require different scopes per HTTP route.
 *
 * <pre>{@code
 * @RequireScope("orders:read")
 * @RequireScope(value = "orders:write", route = "POST /orders")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Repeatable(RequireScope.List.class)
public @interface RequireScope {

    /**
     * The scopes, all required.
     *
     * @return scope names
     */
    String[] value();

    /**
     * The HTTP route this applies to, as the invocation names it (for example {@code POST /orders},
     * or the API's route key); empty applies to every invocation.
     *
     * @return the route, empty by default
     */
    String route() default "";

    /** Holds repeated {@link RequireScope} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE})
    public @interface List {
        /** @return the annotations */
        RequireScope[] value();
    }
}
