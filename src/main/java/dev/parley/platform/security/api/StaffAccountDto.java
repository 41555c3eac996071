package dev.parley.platform.security.api;

import dev.parley.platform.security.StaffUser;
import java.util.List;

/** A staff account in API responses. */
public record StaffAccountDto(String username, String displayName, List<String> roles, boolean enabled,
        String createdAt) {

    static StaffAccountDto of(StaffUser user) {
        return new StaffAccountDto(user.username(), user.displayName(), user.roleNames().stream().sorted().toList(),
                user.enabled(), user.createdAt() == null ? null : user.createdAt().toString());
    }
}
