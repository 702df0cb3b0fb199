package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires every listed role of the verified caller (from the token claim named by
 * {@link Jwt#rolesClaim()}, or a gateway authorizer's groups); a caller without one is refused with 403
 * ({@code SCOPE}). Repeat it with {@link #route()} to require different roles per HTTP route.
 *
 * <pre>{@code
 * @RequireRole("clerk")
 * @RequireRole(value = "admin", route = "POST /orders")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Repeatable(RequireRole.List.class)
public @interface RequireRole {

    /**
     * The roles, all required.
     *
     * @return role names
     */
    String[] value();

    /**
     * The HTTP route this applies to, as the invocation names it (for example {@code POST /orders},
     * or the API's route key); empty applies to every invocation.
     *
     * @return the route, empty by default
     */
    String route() default "";

    /** Holds repeated {@link RequireRole} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE})
    public @interface List {
        /** @return the annotations */
        RequireRole[] value();
    }
}
