package dev.fnguard.detect.internal;

import dev.fnguard.Check;
import dev.fnguard.HttpRequest;
import dev.fnguard.Inspection;
import dev.fnguard.Verdict;
import dev.fnguard.detect.Action;
import dev.fnguard.detect.DetectSettings;
import dev.fnguard.detect.Detector;
import dev.fnguard.detect.Encode;
import dev.fnguard.detect.internal.Inspector.FieldKind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code detect} check: runs the configured detectors over every string value and object key of
 * the bound payload, the HTTP query and path parameters, headers and cookies, and the record's
 * attributes. The walk over records is compiled once per payload class into accessor plans
 * (method handles), so no reflection lookup happens per event. Under {@link Action#ENCODE} the
 * {@link Encode}-annotated components are replaced by their encoded form through the record's
 * canonical constructor, and the rebuilt payload is handed on with {@link Inspection#payload(Object)}.
 *
 * <p>The one value not inspected is the {@code Authorization} header of a request whose caller the
 * {@code auth} check verified from that header's bearer token ({@link #VERIFIED_BEARER}), when the
 * value is exactly {@code Bearer } and a token of base64url characters and dots: a credential whose
 * signature the guard checked, not text an attacker chose (docs/detection.md). Any other value of
 * that header (a trailing CR, a second word) is inspected as every other header is.
 */
public final class DetectCheck implements Check {

    /**
     * The verification method of a caller verified from the {@code Authorization} header's bearer
     * token (the JWT authenticator's method name).
     */
    public static final String VERIFIED_BEARER = "jwt";

    private final DetectSettings settings;
    private final Inspector inspector;
    private final Map<Class<?>, RecordPlan> plans = new HashMap<>();
    /** Whether any field is declared as a URL or relative path (otherwise every string is a plain value). */
    private final boolean declaredKinds;
    /** Whether any setting names field paths (kinds or exemptions), so every string's path is needed. */
    private final boolean needPaths;

    /**
     * @param settings detection settings (enabled)
     * @param payloadType the bound payload class; its record graph is compiled now
     */
    public DetectCheck(DetectSettings settings, Class<?> payloadType) {
        this.settings = settings;
        this.inspector = new Inspector(settings.detectors());
        this.declaredKinds = !settings.urls().isEmpty() || !settings.relativePaths().isEmpty();
        this.needPaths = declaredKinds || !settings.exempt().isEmpty();
        compile(payloadType);
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public Verdict check(Inspection inspection) {
        Verdict v = inspect(inspection);
        return settings.action() == Action.REPORT ? v.asFlag() : v;
    }

    private Verdict inspect(Inspection inspection) {
        Work work = new Work();
        Optional<HttpRequest> http = inspection.invocation().http();
        if (http.isPresent()) {
            HttpRequest r = http.get();
            for (Map.Entry<String, List<String>> q : r.queryParameters().entrySet()) {
                Verdict v = named("query.", q.getKey(), false, q.getKey(), true, work);
                for (String value : q.getValue()) {
                    v = v.passes() ? named("query.", q.getKey(), false, value, false, work) : v;
                }
                if (!v.passes()) {
                    return v;
                }
            }
            for (Map.Entry<String, String> p : r.pathParameters().entrySet()) {
                Verdict v = named("path.", p.getKey(), false, p.getValue(), false, work);
                if (!v.passes()) {
                    return v;
                }
            }
            boolean verifiedBearer = VERIFIED_BEARER.equals(inspection.caller().method());
            for (String name : r.headers().names()) {
                boolean authorization = verifiedBearer && name.equalsIgnoreCase("authorization");
                for (String value : r.headers().all(name)) {
                    if (authorization && bearerToken(value)) {
                        continue; // the credential the auth check verified (see the class comment)
                    }
                    Verdict v = named("header.", name, true, value, false, work);
                    if (!v.passes()) {
                        return v;
                    }
                }
            }
            for (String cookie : r.cookies()) {
                Verdict v = string("cookie", cookie, FieldKind.VALUE, work);
                if (!v.passes()) {
                    return v;
                }
            }
        }
        if (inspection.record().isPresent()) {
            for (Map.Entry<String, String> a : inspection.record().get().attributes().entrySet()) {
                Verdict v = named("attribute.", a.getKey(), false, a.getValue(), false, work);
                if (!v.passes()) {
                    return v;
                }
            }
        }
        Optional<Object> payload = inspection.payload();
        if (payload.isEmpty()) {
            return Verdict.allow();
        }
        Walk walk = new Walk(work);
        Object replaced = value("", payload.get(), walk);
        if (walk.denial != null) {
            return walk.denial;
        }
        if (replaced != payload.get()) {
            inspection.payload(replaced);
        }
        return Verdict.allow();
    }

    /** {@code Bearer } (any case) and one token of base64url characters and dots, nothing else. */
    static boolean bearerToken(String v) {
        if (v.length() < 8 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        for (int i = 7; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private FieldKind kindOf(String path) {
        if (!declaredKinds) {
            return FieldKind.VALUE;
        }
        boolean url = settings.urls().contains(path);
        boolean rel = settings.relativePaths().contains(path);
        return url || rel ? new FieldKind(false, url, rel) : FieldKind.VALUE;
    }

    /**
     * A string of the request or record at {@code prefix + name} (the name lower-cased when
     * {@code lowerName}): the path is built only when a setting names paths or a detector fires, not
     * for every header of every event.
     */
    private Verdict named(String prefix, String name, boolean lowerName, String value, boolean key, Work work) {
        if (needPaths) {
            String path = prefix + (lowerName ? name.toLowerCase(java.util.Locale.ROOT) : name);
            return string(path, value, key ? FieldKind.KEY : kindOf(path), work);
        }
        Optional<Detector> hit = inspector.inspect(value, key ? FieldKind.KEY : FieldKind.VALUE, work);
        return hit.isPresent() ? Verdict.deny(hit.get().reason(),
                List.of(prefix + (lowerName ? name.toLowerCase(java.util.Locale.ROOT) : name))) : Verdict.allow();
    }

    private Verdict string(String path, String value, FieldKind kind, Work work) {
        if (!settings.exempt().isEmpty() && settings.exempt().contains(path)) {
            return Verdict.allow();
        }
        Optional<Detector> hit = inspector.inspect(value, kind, work);
        return hit.isPresent() ? Verdict.deny(hit.get().reason(), List.of(path)) : Verdict.allow();
    }

    /** Walks a value; returns it, or a rebuilt copy when an encoded component changed it. */
    private Object value(String path, Object v, Walk walk) {
        if (v == null || walk.denial != null) {
            return v;
        }
        if (v instanceof String s) {
            Verdict verdict = string(path, s, kindOf(path), walk.work);
            if (!verdict.passes()) {
                walk.denial = verdict;
            }
            return v;
        }
        if (v instanceof Collection<?> c) {
            for (Object e : c) {
                value(path + "[]", e, walk);
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = path.isEmpty() ? key : path + "." + key;
                Verdict verdict = string(child, key, FieldKind.KEY, walk.work);
                if (!verdict.passes()) {
                    walk.denial = verdict;
                    return v;
                }
                value(child, e.getValue(), walk);
            }
            return v;
        }
        if (v instanceof Object[] a) {
            for (Object e : a) {
                value(path + "[]", e, walk);
            }
            return v;
        }
        RecordPlan plan = plans.get(v.getClass());
        if (plan == null) {
            return v; // numbers, booleans, enums, temporal values: no attacker-chosen text
        }
        Object[] args = null;
        for (int i = 0; i < plan.names.length; i++) {
            String child = path.isEmpty() ? plan.names[i] : path + "." + plan.names[i];
            Object c;
            try {
                c = (Object) plan.getters[i].invokeExact(v);
            } catch (Throwable t) {
                throw new IllegalStateException("cannot read " + child, t);
            }
            Encode.Context enc = plan.encodings[i];
            if (enc != null && settings.action() == Action.ENCODE && c instanceof String s) {
                String encoded = Encoders.encode(enc, s);
                if (!encoded.equals(s)) {
                    if (args == null) {
                        args = plan.read(v);
                    }
                    args[i] = encoded;
                }
                continue;
            }
            Object r = value(child, c, walk);
            if (r != c) {
                if (args == null) {
                    args = plan.read(v);
                }
                args[i] = r;
            }
        }
        if (args == null) {
            return v;
        }
        try {
            return plan.constructor.invokeWithArguments(args);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot rebuild " + v.getClass().getName(), t);
        }
    }

    private void compile(Class<?> type) {
        if (!type.isRecord() || plans.containsKey(type)) {
            return;
        }
        RecordComponent[] comps = type.getRecordComponents();
        RecordPlan plan = new RecordPlan(comps.length);
        plans.put(type, plan);
        Class<?>[] types = new Class<?>[comps.length];
        try {
            for (int i = 0; i < comps.length; i++) {
                RecordComponent rc = comps[i];
                plan.names[i] = rc.getName();
                rc.getAccessor().setAccessible(true);
                // typed (Object)Object once, so the walk calls it with invokeExact and no per-call adaptation
                plan.getters[i] = MethodHandles.lookup().unreflect(rc.getAccessor())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                Encode e = rc.getAnnotation(Encode.class);
                plan.encodings[i] = e == null ? null : e.value();
                types[i] = rc.getType();
                compile(rc.getType());
                if (rc.getGenericType() instanceof java.lang.reflect.ParameterizedType pt) {
                    for (java.lang.reflect.Type arg : pt.getActualTypeArguments()) {
                        if (arg instanceof Class<?> c) {
                            compile(c);
                        }
                    }
                }
                if (rc.getType().isArray()) {
                    compile(rc.getType().getComponentType());
                }
            }
            var ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            plan.constructor = MethodHandles.lookup().unreflectConstructor(ctor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("detect: cannot compile an accessor plan for " + type.getName(), e);
        }
    }

    private static final class RecordPlan {
        final String[] names;
        final MethodHandle[] getters;
        final Encode.Context[] encodings;
        MethodHandle constructor;

        RecordPlan(int n) {
            names = new String[n];
            getters = new MethodHandle[n];
            encodings = new Encode.Context[n];
        }

        Object[] read(Object v) {
            Object[] a = new Object[getters.length];
            for (int i = 0; i < a.length; i++) {
                try {
                    a[i] = (Object) getters[i].invokeExact(v);
                } catch (Throwable t) {
                    throw new IllegalStateException("cannot read " + names[i], t);
                }
            }
            return a;
        }
    }

    private static final class Walk {
        final Work work;
        Verdict denial;

        Walk(Work work) {
            this.work = work;
        }
    }
}
