package dev.parley.platform.security;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.security.jpa.JpaStaffUserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Staff accounts: creating them, changing them and checking their passwords. */
@ApplicationScoped
@Transactional
public class StaffAccounts {

    /** Sign-in names: lower-case letters, digits, dot, dash, underscore. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    @Inject
    JpaStaffUserRepository users;

    @Inject
    PasswordHasher hasher;

    /** Creates an account; the username must be new and the password acceptable. */
    public StaffUser create(String username, String displayName, String password, Set<StaffRole> roles) {
        checkUsername(username);
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new DomainException(Kind.INVALID, "roles-required", "An account needs at least one role.");
        }
        if (users.exists(username)) {
            throw new DomainException(Kind.CONFLICT, "username-taken", "The username '" + username + "' is taken.");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        return users.insert(username, name, hasher.hash(password), roles);
    }

    /** All accounts by username. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffUser> list() {
        return users.list();
    }

    /** The account with this username. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffUser> find(String username) {
        return users.find(username).map(JpaStaffUserRepository.Stored::user);
    }

    /** The enabled account whose password this is, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffUser> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        return users.find(username)
                .filter(s -> s.user().enabled())
                .filter(s -> hasher.verify(password, s.passwordHash()))
                .map(JpaStaffUserRepository.Stored::user);
    }

    /** Sets a new password. */
    public StaffUser changePassword(String username, String password) {
        checkPassword(password);
        String hash = hasher.hash(password);
        return users.update(username, m -> m.passwordHash(hash)).orElseThrow(() -> notFound(username));
    }

    /** Enables or disables an account. The bootstrap admin cannot be disabled. */
    public StaffUser setEnabled(String username, boolean enabled) {
        if (!enabled && BootstrapAdmin.USERNAME.equals(username)) {
            throw new DomainException(Kind.CONFLICT, "bootstrap-admin", "The bootstrap admin cannot be disabled.");
        }
        return users.update(username, m -> m.enabled(enabled)).orElseThrow(() -> notFound(username));
    }

    /** Replaces an account's roles. The bootstrap admin keeps {@code admin}. */
    public StaffUser setRoles(String username, Set<StaffRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new DomainException(Kind.INVALID, "roles-required", "An account needs at least one role.");
        }
        if (BootstrapAdmin.USERNAME.equals(username) && !roles.contains(StaffRole.ADMIN)) {
            throw new DomainException(Kind.CONFLICT, "bootstrap-admin", "The bootstrap admin keeps the admin role.");
        }
        return users.update(username, m -> m.roles(roles)).orElseThrow(() -> notFound(username));
    }

    /** Changes whichever of password, roles and enabled state are given (non-null), all or nothing. */
    public StaffUser change(String username, String password, Set<StaffRole> roles, Boolean enabled) {
        StaffUser user = find(username).orElseThrow(() -> notFound(username));
        if (roles != null) {
            user = setRoles(username, roles);
        }
        if (password != null) {
            user = changePassword(username, password);
        }
        if (enabled != null) {
            user = setEnabled(username, enabled);
        }
        return user;
    }

    /** Creates the account if missing; with a password given, makes it the account's password. */
    boolean ensureBootstrap(String username, Optional<String> password, String generated) {
        Optional<JpaStaffUserRepository.Stored> existing = users.find(username);
        if (existing.isEmpty()) {
            users.insert(username, "Administrator", hasher.hash(password.orElse(generated)), Set.of(StaffRole.ADMIN));
            return true;
        }
        password.filter(p -> !hasher.verify(p, existing.get().passwordHash()))
                .ifPresent(p -> users.update(username, m -> m.passwordHash(hasher.hash(p))));
        return false;
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainException(Kind.INVALID, "invalid-username",
                    "A username is 2 to 64 characters: lower-case letters, digits, '.', '-' or '_'.");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new DomainException(Kind.INVALID, "weak-password",
                    "A password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long.");
        }
    }

    private static DomainException notFound(String username) {
        return new DomainException(Kind.NOT_FOUND, "staff-not-found", "No staff account '" + username + "'.");
    }
}
