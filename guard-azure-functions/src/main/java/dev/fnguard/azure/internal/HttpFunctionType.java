package dev.fnguard.azure.internal;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What a method reference or lambda passed to {@code AzureGuard.http} refers to: the class that
 * declares it and the payload class of its first (non-captured) parameter. Read once per function
 * from the lambda's {@link SerializedLambda}, the JDK's own description of a serializable lambda.
 *
 * @param declaringClass the class of the referenced method (the function class for {@code this::m})
 * @param payloadType the payload class
 */
public record HttpFunctionType(Class<?> declaringClass, Class<?> payloadType) {

    /**
     * Describes a function.
     *
     * @param function a serializable lambda or method reference taking {@code (payload, GuardContext)}
     * @return its description
     * @throws IllegalArgumentException when it is not a lambda or method reference
     */
    public static HttpFunctionType of(Serializable function) {
        SerializedLambda lambda;
        try {
            Method replace = function.getClass().getDeclaredMethod("writeReplace");
            replace.setAccessible(true);
            lambda = (SerializedLambda) replace.invoke(function);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("AzureGuard.http needs a method reference or lambda "
                    + "(this::createOrder), not an instance of " + function.getClass().getName()
                    + "; or pass the payload class explicitly", e);
        }
        ClassLoader loader = function.getClass().getClassLoader();
        List<String> params = parameters(lambda.getImplMethodSignature());
        if (params.size() < 2) {
            throw new IllegalArgumentException("AzureGuard.http: " + lambda.getImplClass() + "."
                    + lambda.getImplMethodName() + " must take (payload, GuardContext)");
        }
        // captured arguments come first; the payload is the one before the GuardContext
        String payload = params.get(params.size() - 2);
        try {
            Class<?> declaring = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
            Class<?> type = Class.forName(payload, false, loader);
            return new HttpFunctionType(declaring, type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("AzureGuard.http: cannot load " + e.getMessage(), e);
        }
    }

    /** Class names of the parameters of a method descriptor, as {@code Class.forName} takes them. */
    static List<String> parameters(String descriptor) {
        List<String> out = new ArrayList<>();
        int i = descriptor.indexOf('(') + 1;
        int end = descriptor.indexOf(')');
        while (i < end) {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            i++;
            String d = descriptor.substring(start, i);
            out.add(d.startsWith("[") ? d.replace('/', '.')
                    : d.startsWith("L") ? d.substring(1, d.length() - 1).replace('/', '.') : primitive(d.charAt(0)));
        }
        return out;
    }

    private static String primitive(char c) {
        switch (c) {
            case 'I': return "java.lang.Integer";
            case 'J': return "java.lang.Long";
            case 'Z': return "java.lang.Boolean";
            case 'D': return "java.lang.Double";
            default: return "java.lang.Object";
        }
    }
}
