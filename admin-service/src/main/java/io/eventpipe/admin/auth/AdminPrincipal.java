package io.eventpipe.admin.auth;

/** The admin behind a request, and how they proved it (a signed request or a session token). */
public record AdminPrincipal(String adminId, String via) {
}
