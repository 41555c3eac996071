package dev.parley.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a staff member may do. The names are the container roles and groups. */
public enum StaffRole {
    /** Everything, including staff accounts and settings. */
    ADMIN,
    /** Catalog, rules and promotions. */
    MERCHANDISER,
    /** Handoff queue and customer conversations. */
    AGENT,
    /** Analytics and transcript review. */
    ANALYST;

    /** The role name as used by the container and in the API, e.g. {@code "merchandiser"}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this name, if there is one. */
    public static Optional<StaffRole> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name)).findFirst();
    }
}
