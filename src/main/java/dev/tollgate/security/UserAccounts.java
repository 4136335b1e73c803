package dev.tollgate.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tollgate.api.ConflictException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.NotFoundException;
import dev.tollgate.api.Violations;

/** The UI's users: created, changed and removed by admins, each change audited. */
@Service
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password, and Spring Security refuses to hash more. */
    public static final int MAX_PASSWORD_LENGTH = 72;
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    public static final String ADMIN_USERNAME = "admin";

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final Clock clock;

    UserAccounts(UserAccountRepository users, PasswordEncoder passwords, CurrentCaller callers, AuditLog audit,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list(int offset, int limit) {
        callers.get().requireUnbound(Scope.ADMIN);
        return users.find(offset, limit);
    }

    @Transactional(readOnly = true)
    public int count() {
        callers.get().requireUnbound(Scope.ADMIN);
        return users.count();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        callers.get().requireUnbound(Scope.ADMIN);
        return users.find(username);
    }

    @Transactional
    public UserAccount create(String username, String displayName, Role role, Set<String> teams, String password) {
        callers.get().requireUnbound(Scope.ADMIN);
        Violations violations = new Violations();
        violations.identifier("username", username);
        validate(violations, displayName, role, teams);
        validatePassword(violations, password);
        violations.throwIfAny("The user was not created");
        if (users.find(username).isPresent()) {
            throw new ConflictException("User '" + username + "' already exists");
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(username, displayName.strip(), role, teamsFor(role, teams), now, now);
        store(() -> users.insert(account, passwords.encode(password)));
        audit.record("USER_CREATED", "user", username, describe(account));
        return account;
    }

    @Transactional
    public UserAccount update(String username, String displayName, Role role, Set<String> teams) {
        callers.get().requireUnbound(Scope.ADMIN);
        UserAccount existing = users.find(username).orElseThrow(() -> new NotFoundException("User", username));
        Violations violations = new Violations();
        validate(violations, displayName, role, teams);
        violations.throwIfAny("The user was not changed");
        if (existing.role() == Role.ADMIN && role != Role.ADMIN && users.countAdmins() == 1) {
            throw new ConflictException("'" + username + "' is the last admin; make another user admin first");
        }
        UserAccount account = new UserAccount(username, displayName.strip(), role, teamsFor(role, teams),
                existing.createdAt(), clock.instant());
        store(() -> users.update(account));
        audit.record("USER_UPDATED", "user", username, describe(account));
        return account;
    }

    @Transactional
    public void changePassword(String username, String password) {
        callers.get().requireUnbound(Scope.ADMIN);
        users.find(username).orElseThrow(() -> new NotFoundException("User", username));
        Violations violations = new Violations();
        validatePassword(violations, password);
        violations.throwIfAny("The password was not changed");
        users.updatePassword(username, passwords.encode(password), clock.instant());
        audit.record("USER_PASSWORD_CHANGED", "user", username, null);
    }

    @Transactional
    public void delete(String username) {
        Caller caller = callers.get();
        caller.requireUnbound(Scope.ADMIN);
        UserAccount existing = users.find(username).orElseThrow(() -> new NotFoundException("User", username));
        if (caller.actor().equals("user:" + username)) {
            throw new ConflictException("You cannot delete yourself");
        }
        if (existing.role() == Role.ADMIN && users.countAdmins() == 1) {
            throw new ConflictException("'" + username + "' is the last admin and cannot be deleted");
        }
        users.delete(username);
        audit.record("USER_DELETED", "user", username, describe(existing));
    }

    /**
     * Start-up: sets the admin's password to the configured one, or creates the admin with
     * {@code generatedPassword} when there is none. Answers whether the admin was created.
     */
    @Transactional
    boolean ensureAdmin(String configuredPassword, String generatedPassword) {
        Optional<UserAccount> admin = users.find(ADMIN_USERNAME);
        Instant now = clock.instant();
        if (admin.isPresent()) {
            if (configuredPassword != null) {
                Optional<TollgateUser> login = users.findForLogin(ADMIN_USERNAME);
                if (login.isEmpty() || !passwords.matches(configuredPassword, login.get().passwordHash())) {
                    users.updatePassword(ADMIN_USERNAME, passwords.encode(configuredPassword), now);
                    audit.record("USER_PASSWORD_CHANGED", "user", ADMIN_USERNAME, "from TOLLGATE_ADMIN_PASSWORD");
                }
            }
            return false;
        }
        String password = configuredPassword != null ? configuredPassword : generatedPassword;
        UserAccount account = new UserAccount(ADMIN_USERNAME, "Administrator", Role.ADMIN, Set.of(), now, now);
        users.insert(account, passwords.encode(password));
        audit.record("USER_CREATED", "user", ADMIN_USERNAME, describe(account));
        return true;
    }

    /** Demo users: created once, with the demo password, when they do not exist yet. */
    @Transactional
    public void ensureDemoUser(String username, String displayName, Role role, Set<String> teams, String password) {
        callers.get().requireUnbound(Scope.ADMIN);
        if (users.find(username).isEmpty()) {
            create(username, displayName, role, teams, password);
        }
    }

    private static void validate(Violations violations, String displayName, Role role, Set<String> teams) {
        violations.text("displayName", displayName, MAX_DISPLAY_NAME_LENGTH);
        violations.required("role", role);
        if (role == Role.TEAM_LEAD && (teams == null || teams.isEmpty())) {
            violations.add("teams", "a team lead leads at least one team");
        }
        if (teams != null) {
            teams.forEach(team -> violations.identifier("teams", team));
        }
    }

    private static void validatePassword(Violations violations, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            violations.add("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            violations.add("password", "must be at most " + MAX_PASSWORD_LENGTH
                    + " characters (fewer with accented letters or symbols)");
        }
    }

    private static Set<String> teamsFor(Role role, Set<String> teams) {
        return role == Role.TEAM_LEAD ? new TreeSet<>(teams) : Set.of();
    }

    private static void store(Runnable write) {
        try {
            write.run();
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of("teams", "names a team that does not exist");
        }
    }

    private static String describe(UserAccount account) {
        return "role=" + account.role() + (account.teams().isEmpty() ? "" : " teams=" + new TreeSet<>(account.teams()));
    }
}
