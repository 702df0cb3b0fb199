package dev.fnguard.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.List;

/**
 * Renders field paths for errors and audit events. Names come partly from the input (an unknown
 * property, a map key), so any name that is not a plain identifier is replaced by {@code ?}: a path
 * may name a field, never carry an attacker's text.
 */
final class FieldPaths {

    private static final int MAX_NAME = 64;

    private FieldPaths() {
    }

    static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(safe(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    static String of(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            // an index or key belongs to the container the node sits in, so it comes before the name
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    sb.append('[').append(safe(String.valueOf(node.getKey()))).append(']');
                } else {
                    sb.append("[]");
                }
            }
            if (node.getName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(safe(node.getName()));
            }
        }
        String path = sb.length() == 0 ? "$" : sb.toString();
        return path + ":" + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    static String safe(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "?";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!ok) {
                return "?";
            }
        }
        return name;
    }
}
