package dev.fnguard.lambda;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Finds the payload class a handler declares as the first type argument of its guarded base class. */
final class PayloadTypes {

    private PayloadTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> of(Class<?> handlerClass, Class<?> base) {
        Class<?> c = handlerClass;
        while (c != null && c.getSuperclass() != base) {
            c = c.getSuperclass();
        }
        if (c != null && c.getGenericSuperclass() instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            if (arg instanceof Class<?> k) {
                return (Class<T>) k;
            }
            if (arg instanceof ParameterizedType pk && pk.getRawType() instanceof Class<?> raw) {
                return (Class<T>) raw;
            }
        }
        throw new IllegalStateException(handlerClass.getName() + " must extend " + base.getSimpleName()
                + "<T> with a concrete payload class for T");
    }
}
