package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the trigger parameter of a function method, once, at the first invocation of the function.
 *
 * <p>Identities come from the annotation and the app settings it names: a {@code %Setting%} queue,
 * hub or container name is resolved from the environment, the storage account from the connection
 * string's {@code AccountName} (or an identity-based {@code <connection>__accountName}), the Service
 * Bus or Event Hubs namespace from {@code Endpoint=sb://<namespace>.servicebus.windows.net} (or
 * {@code <connection>__fullyQualifiedNamespace}). Only those names are read from the connection
 * settings: keys are never kept.
 */
public final class TriggerBindings {

    private static final String DEFAULT_STORAGE = "AzureWebJobsStorage";

    private TriggerBindings() {
    }

    /**
     * Finds the trigger parameter.
     *
     * @param method the function method
     * @param env the app settings (environment)
     * @return the binding, empty when the method has no trigger this guard knows
     * @throws IllegalStateException when the parameter's type cannot carry a guarded payload
     */
    public static Optional<TriggerBinding> find(Method method, Map<String, String> env) {
        for (Parameter p : method.getParameters()) {
            HttpTrigger http = p.getAnnotation(HttpTrigger.class);
            if (http != null) {
                return Optional.of(binding(TriggerKind.HTTP, http.name(), p, false, Optional.empty()));
            }
            QueueTrigger queue = p.getAnnotation(QueueTrigger.class);
            if (queue != null) {
                Optional<String> account = storageAccount(queue.connection(), env);
                String name = resolve(queue.queueName(), env);
                return Optional.of(binding(TriggerKind.QUEUE, queue.name(), p, false, join(account, name)));
            }
            BlobTrigger blob = p.getAnnotation(BlobTrigger.class);
            if (blob != null) {
                Optional<String> account = storageAccount(blob.connection(), env);
                String path = resolve(blob.path(), env);
                int slash = path.indexOf('/');
                String container = slash < 0 ? path : path.substring(0, slash);
                return Optional.of(binding(TriggerKind.BLOB, blob.name(), p, false, join(account, container)));
            }
            ServiceBusQueueTrigger sbq = p.getAnnotation(ServiceBusQueueTrigger.class);
            if (sbq != null) {
                Optional<String> ns = namespace(sbq.connection(), env);
                return Optional.of(binding(TriggerKind.SERVICE_BUS, sbq.name(), p, sbq.cardinality() == Cardinality.MANY,
                        join(ns, resolve(sbq.queueName(), env))));
            }
            ServiceBusTopicTrigger sbt = p.getAnnotation(ServiceBusTopicTrigger.class);
            if (sbt != null) {
                Optional<String> ns = namespace(sbt.connection(), env);
                String entity = resolve(sbt.topicName(), env) + "/" + resolve(sbt.subscriptionName(), env);
                return Optional.of(binding(TriggerKind.SERVICE_BUS, sbt.name(), p, sbt.cardinality() == Cardinality.MANY,
                        join(ns, entity)));
            }
            EventHubTrigger hub = p.getAnnotation(EventHubTrigger.class);
            if (hub != null) {
                String connection = hub.connection();
                Optional<String> ns = namespace(connection, env);
                String hubName = resolve(hub.eventHubName(), env);
                if (hubName.isEmpty()) {
                    hubName = entityPath(env.get(connection)).orElse("");
                }
                boolean iot = connection.toLowerCase(Locale.ROOT).contains("iothub")
                        || ns.map(n -> n.startsWith("iothub-ns-")).orElse(false);
                return Optional.of(binding(iot ? TriggerKind.IOT_HUB : TriggerKind.EVENT_HUB, hub.name(), p,
                        hub.cardinality() == Cardinality.MANY, join(ns, hubName)));
            }
        }
        return Optional.empty();
    }

    private static TriggerBinding binding(TriggerKind kind, String name, Parameter p, boolean many,
            Optional<String> identity) {
        Class<?> type = p.getType();
        Class<?> element = type;
        boolean batch = false;
        if (type.isArray() && type != byte[].class) {
            element = type.getComponentType();
            batch = true;
        } else if (List.class.isAssignableFrom(type)) {
            element = elementOf(p.getParameterizedType());
            batch = true;
        }
        if (kind != TriggerKind.HTTP && batch != many) {
            throw new IllegalStateException("trigger parameter '" + name + "' of " + p.getDeclaringExecutable()
                    + (many ? " has cardinality MANY but is not a List or array" : " is a List or array but its "
                    + "cardinality is not MANY"));
        }
        if (kind != TriggerKind.HTTP && (element == byte[].class || element == Object.class)) {
            throw new IllegalStateException("trigger parameter '" + name + "' of " + p.getDeclaringExecutable()
                    + " must be String or a payload class (List/array of them for batches) to be guarded, was "
                    + p.getParameterizedType().getTypeName());
        }
        return new TriggerBinding(kind, name, type, element, batch, identity);
    }

    private static Class<?> elementOf(Type t) {
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /**
     * Resolves app-setting expressions: each {@code %Name%} is replaced by the setting's value (empty
     * when missing), as the host does for trigger attributes ({@code %CONTAINER%/{name}}).
     *
     * @param value the annotation value
     * @param env the settings
     * @return the resolved value
     */
    static String resolve(String value, Map<String, String> env) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf('%', i);
            int end = start < 0 ? -1 : value.indexOf('%', start + 1);
            if (start < 0 || end < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            String setting = env.get(value.substring(start + 1, end));
            out.append(setting == null ? "" : setting.strip());
            i = end + 1;
        }
        return out.toString();
    }

    private static Optional<String> join(Optional<String> scope, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(scope.map(s -> s + "/" + name).orElse(name));
    }

    static Optional<String> storageAccount(String connection, Map<String, String> env) {
        String setting = connection == null || connection.isEmpty() ? DEFAULT_STORAGE : connection;
        String named = env.get(setting + "__accountName");
        if (named != null && !named.isBlank()) {
            return Optional.of(named.strip());
        }
        String value = env.get(setting);
        if (value != null && value.replace(" ", "").equalsIgnoreCase("UseDevelopmentStorage=true")) {
            return Optional.of("devstoreaccount1"); // Azurite's fixed account
        }
        return part(value, "AccountName");
    }

    static Optional<String> namespace(String connection, Map<String, String> env) {
        if (connection == null || connection.isEmpty()) {
            return Optional.empty();
        }
        String fqns = env.get(connection + "__fullyQualifiedNamespace");
        if (fqns != null && !fqns.isBlank()) {
            return Optional.of(host(fqns.strip()));
        }
        return part(env.get(connection), "Endpoint").map(e -> host(e.replaceFirst("^sb://", "")));
    }

    private static Optional<String> entityPath(String connectionString) {
        return part(connectionString, "EntityPath");
    }

    private static String host(String s) {
        int slash = s.indexOf('/');
        String h = slash < 0 ? s : s.substring(0, slash);
        int dot = h.indexOf('.');
        return dot < 0 ? h : h.substring(0, dot);
    }

    /** One {@code Key=value} part of a connection string; the rest (keys, signatures) is never kept. */
    private static Optional<String> part(String connectionString, String key) {
        if (connectionString == null) {
            return Optional.empty();
        }
        for (String p : connectionString.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String v = p.substring(eq + 1).strip();
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
