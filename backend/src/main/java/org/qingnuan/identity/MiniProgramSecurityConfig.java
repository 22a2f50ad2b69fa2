package org.qingnuan.identity;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.session.SignInFailures;
import org.qingnuan.shared.error.ErrorResponses;
import org.qingnuan.shared.security.StatelessChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Security of the mini-program API ({@code /api/mini/**}): our own bearer tokens, no cookies, no sessions. */
@Configuration(proxyBeanMethods = false)
class MiniProgramSecurityConfig {

    @Bean
    @Order(20)
    SecurityFilterChain miniProgramApi(HttpSecurity http, UserSessions sessions, SignedInUsers users,
                                       ErrorResponses errors) throws Exception {
        StatelessChains.stateless(http).securityMatcher("/api/mini/**")
                .addFilterBefore(new UserTokenFilter(sessions, users), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/mini/auth/login", "/api/mini/auth/dev-login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/mini/auth/dev-users", "/api/mini/subscriptions/templates",
                                "/api/mini/dictionaries").permitAll()
                        .anyRequest().hasRole("WX_USER"))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                SignInFailures.answer(request)))
                        .accessDeniedHandler((request, response, e) -> errors.write(response, CommonError.FORBIDDEN)));
        return http.build();
    }
}
