package org.qingnuan.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * What every security chain here leaves out. The APIs authenticate each request by its bearer token and keep
 * nothing between requests; the web apps and health need no sign-in. So: no CSRF (no cookies), no form, basic or
 * logout endpoints, no saved requests, no HTTP session — and therefore none of the filters that only serve those:
 * the session management and URL-encoding filters, the anonymous user (an unauthenticated request has no
 * authentication, which the entry point answers with the API's JSON 401 exactly as it answered the anonymous one),
 * and the servlet-API wrapper (nothing here asks the request for its principal; controllers use {@code CurrentUser}
 * and {@code CurrentStaff}). Each of them was work on every request, trivial ones included (issue 19, decision 320).
 */
public final class StatelessChains {

    private StatelessChains() {
    }

    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                // the authentication a token filter sets lives for the request (and its error dispatch) only
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
    }
}
