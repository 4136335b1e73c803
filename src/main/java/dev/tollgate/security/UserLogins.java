package dev.tollgate.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks users up for the login form. */
@Component
class UserLogins implements UserDetailsService {

    private final UserAccountRepository users;

    UserLogins(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findForLogin(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
