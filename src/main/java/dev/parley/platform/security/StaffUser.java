package dev.parley.platform.security;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account as the rest of the system sees it (never the password hash).
 *
 * @param username sign-in name
 * @param displayName name shown in the admin UI
 * @param roles what the account may do
 * @param enabled whether it may sign in
 * @param createdAt when it was created
 */
public record StaffUser(String username, String displayName, Set<StaffRole> roles, boolean enabled,
        Instant createdAt) {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    /** The role names, sorted and comma-separated, for display. */
    public String rolesLabel() {
        return roleNames().stream().sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** The container group names of this account's roles. */
    public Set<String> roleNames() {
        return roles.stream().map(StaffRole::roleName).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
