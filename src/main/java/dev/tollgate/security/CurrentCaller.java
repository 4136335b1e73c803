package dev.tollgate.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Finds the {@link Caller} of the current request or UI event. */
@Component
public class CurrentCaller {

    /**
     * The strategy of this application context rather than the JVM-wide holder: Vaadin installs its
     * own strategy globally whenever a context starts, so a second context in the same JVM (tests)
     * would otherwise read the other's security contexts.
     */
    private final SecurityContextHolderStrategy holder;

    @Autowired
    CurrentCaller(ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this(strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy));
    }

    CurrentCaller(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    public Caller get() {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            Object principal = authentication.getPrincipal();
            if (principal instanceof Caller caller) {
                return caller;
            }
            if (principal instanceof TollgateUser user) {
                return user.caller();
            }
        }
        throw new AccessDeniedException("Not signed in");
    }

    /** Runs start-up and background work as Tollgate itself, which the audit log names "system". */
    public <T> T runAsSystem(Supplier<T> work) {
        SecurityContext previous = holder.getContext();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(Caller.SYSTEM));
        holder.setContext(context);
        try {
            return work.get();
        } finally {
            holder.setContext(previous);
        }
    }

    /** Signs a token or system caller in for the current request. */
    void signIn(Caller caller) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        holder.setContext(context);
    }

    void signOut() {
        holder.clearContext();
    }

    /** How the UI greets the signed-in user: the display name of a user, else the actor. */
    public String displayName() {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TollgateUser user) {
            return user.displayName();
        }
        return get().actor();
    }

    public void runAsSystem(Runnable work) {
        runAsSystem(() -> {
            work.run();
            return null;
        });
    }

    /** An authenticated token or system caller, with its scopes as Spring authorities. */
    static final class CallerAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;

        CallerAuthentication(Caller caller) {
            super(authorities(caller));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.actor();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CallerAuthentication that && that.caller.equals(caller);
        }

        @Override
        public int hashCode() {
            return caller.hashCode();
        }
    }

    static List<SimpleGrantedAuthority> authorities(Caller caller) {
        return caller.scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList();
    }
}
