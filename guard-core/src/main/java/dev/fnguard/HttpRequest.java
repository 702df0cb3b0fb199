package dev.fnguard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP side of an invocation: method, path, headers and parameters, cloud-neutral.
 *
 * @param method the method in upper case
 * @param path the request path
 * @param route the matched route ({@code POST /orders}, or the API's route key), for audit
 * @param headers headers, case-insensitive
 * @param queryParameters query parameters, multi-valued
 * @param pathParameters path parameters extracted by the gateway
 * @param cookies the raw cookie strings
 * @param sourceIp the client address as the gateway saw it, if known
 * @param httpsOnlyFrontDoor true when the front door accepts only HTTPS (API Gateway, Function
 *     URLs), so a missing {@code X-Forwarded-Proto} is not a plain-HTTP request
 */
public record HttpRequest(
        String method,
        String path,
        String route,
        Headers headers,
        Map<String, List<String>> queryParameters,
        Map<String, String> pathParameters,
        List<String> cookies,
        Optional<String> sourceIp,
        boolean httpsOnlyFrontDoor) {

    /**
     * Copies the collections and checks for nulls.
     *
     * @param method method
     * @param path path
     * @param route route
     * @param headers headers
     * @param queryParameters query parameters
     * @param pathParameters path parameters
     * @param cookies cookies
     * @param sourceIp source address
     * @param httpsOnlyFrontDoor whether the front door is HTTPS only
     */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(headers, "headers");
        queryParameters = Map.copyOf(queryParameters);
        pathParameters = Map.copyOf(pathParameters);
        cookies = List.copyOf(cookies);
        Objects.requireNonNull(sourceIp, "sourceIp");
    }
}
