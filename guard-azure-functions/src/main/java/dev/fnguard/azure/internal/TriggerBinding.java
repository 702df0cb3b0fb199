package dev.fnguard.azure.internal;

import java.util.Optional;

/**
 * The trigger parameter of a function, compiled once: which trigger, the binding name the worker
 * knows it by, how the value reaches the method, and the source's identity.
 *
 * @param kind the trigger
 * @param bindingName the {@code name} of the trigger annotation (the worker's parameter name)
 * @param parameterType the declared parameter class ({@code List}, an array, {@code String}, a payload class)
 * @param elementType the payload class of one message: the parameter type, or the element type of a
 *     batch parameter
 * @param many whether the parameter receives a batch
 * @param identity the source identity ({@code account/queue}, {@code account/container},
 *     {@code namespace/hub}), when the settings name it
 */
public record TriggerBinding(TriggerKind kind, String bindingName, Class<?> parameterType, Class<?> elementType,
        boolean many, Optional<String> identity) {

    /** @return whether one message is handed to the method as its original string, not as a bound payload */
    public boolean deliversText() {
        return elementType == String.class;
    }
}
