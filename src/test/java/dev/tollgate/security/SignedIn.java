package dev.tollgate.security;

import java.util.function.Supplier;

/**
 * Runs test code as a caller of the test's choosing, signed in the way a request with that
 * caller's token is: what services check of a team-bound caller can then be tested without HTTP.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T as(CurrentCaller callers, Caller caller, Supplier<T> work) {
        callers.signIn(caller);
        try {
            return work.get();
        } finally {
            callers.signOut();
        }
    }
}
