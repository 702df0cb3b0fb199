package dev.fnguard.lambda.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the type arguments a class gives a generic interface, through its superclasses and
 * superinterfaces ({@code class A extends Base<Order>}, {@code abstract class Base<T> implements
 * RequestHandler<T, String>} gives {@code [Order, String]}). A raw or unresolvable argument is
 * {@code Object}, as the Lambda runtime treats it. Runs once, at init.
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    /**
     * The type arguments of {@code target} as implemented by {@code type}.
     *
     * @param type the implementing class
     * @param target the generic interface
     * @return one type per type parameter of {@code target}, never null
     */
    static Type[] arguments(Class<?> type, Class<?> target) {
        Type[] found = search(type, target, Map.of());
        if (found == null) {
            found = new Type[target.getTypeParameters().length];
            java.util.Arrays.fill(found, Object.class);
        }
        return found;
    }

    private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> here = new HashMap<>();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r) {
            raw = r;
            TypeVariable<?>[] vars = r.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length && i < args.length; i++) {
                here.put(vars[i], substitute(args[i], bindings));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == target) {
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] out = new Type[vars.length];
            for (int i = 0; i < vars.length; i++) {
                Type t = here.getOrDefault(vars[i], Object.class);
                out[i] = t instanceof TypeVariable<?> || t instanceof WildcardType ? erase(t) : t;
            }
            return out;
        }
        if (!target.isAssignableFrom(raw)) {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] r = search(parent, target, here);
            if (r != null) {
                return r;
            }
        }
        return raw.getGenericSuperclass() == null ? null : search(raw.getGenericSuperclass(), target, here);
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings) {
        if (t instanceof TypeVariable<?> v && bindings.containsKey(v)) {
            return bindings.get(v);
        }
        return t;
    }

    private static Type erase(Type t) {
        if (t instanceof TypeVariable<?> v) {
            Type[] bounds = v.getBounds();
            return bounds.length > 0 && bounds[0] instanceof Class<?> c ? c : Object.class;
        }
        if (t instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length > 0 && upper[0] instanceof Class<?> c ? c : Object.class;
        }
        if (t instanceof GenericArrayType) {
            return Object.class;
        }
        return t;
    }

    /**
     * The class of a type: itself, the raw type of a parameterized type, else {@code Object}.
     *
     * @param t the type
     * @return the class
     */
    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
