package io.crvs.http.admin;

import java.util.Objects;

/**
 * One line of the route table: method, path template, the permission it needs and the endpoint.
 *
 * @param method     the HTTP method ({@code GET}, {@code POST}, {@code PUT}, {@code DELETE})
 * @param template   the path below the mount point
 * @param permission what the caller's role must allow
 * @param endpoint   the operation
 */
record Route(String method, PathTemplate template, Permission permission, Endpoint endpoint) {
    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String toString() {
        return method + " " + template + " (" + permission.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
