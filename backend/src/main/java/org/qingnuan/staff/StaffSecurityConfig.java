package org.qingnuan.staff;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.session.SignInFailures;
import org.qingnuan.org.OrgService;
import org.qingnuan.shared.error.ErrorResponses;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.qingnuan.shared.security.StatelessChains;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Security of the staff API ({@code /api/admin/**}): bearer tokens, no cookies, no sessions. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AuthProperties.class)
class StaffSecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    @Order(10)
    SecurityFilterChain staffApi(HttpSecurity http, StaffSessions sessions, StaffAccountMapper staffMapper,
                                 OrgService orgs, ErrorResponses errors) throws Exception {
        StatelessChains.stateless(http).securityMatcher("/api/admin/**")
                .addFilterBefore(new StaffTokenFilter(sessions, staffMapper, orgs, errors),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/admin/auth/login").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                SignInFailures.answer(request)))
                        .accessDeniedHandler((request, response, e) -> errors.write(response, CommonError.FORBIDDEN)));
        return http.build();
    }
}
