package org.qingnuan.shared.security;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.ErrorResponses;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Everything that is not an API with its own chain: health, the OpenAPI document and its UI, the
 * error page, and the static web apps (the admin web at {@code /admin/**}, the mini-program's H5
 * build at {@code /m/**}), which load without sign-in and call the APIs with their own tokens. Feature APIs declare their own {@link SecurityFilterChain} with a security matcher
 * and a lower order (the staff API: {@code /api/admin/**}).
 */
@Configuration(proxyBeanMethods = false)
class DefaultSecurityConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DefaultSecurityConfig.class);
    private static final String CHAIN = "springSecurityFilterChain";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        StatelessChains.stateless(http)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Spring Security's firewall refuses URLs with {@code ;}, {@code ..}, {@code //}, an encoded {@code %2F},
     * {@code %25} or {@code %00}, a backslash or control characters before any chain runs; by default that exception
     * reaches the container and comes back as an error page without a trace id. Answered here as the API's JSON 400,
     * with the trace id the (outer) trace filter has set.
     */
    @Bean
    RequestRejectedHandler jsonRequestRejected(ErrorResponses errors) {
        return (request, response, rejected) -> {
            log.info("Request refused by the firewall: {}", rejected.getMessage());
            errors.write(response, CommonError.INVALID_PATH);
        };
    }

    /**
     * Every chain's string matchers ({@code securityMatcher("/api/mini/**")}, {@code requestMatchers(...)}) as plain
     * path patterns, Spring Security 7's default. Without this bean 6.5 builds Spring MVC matchers, which ask the
     * handler mappings on every request, several times (each chain's matcher, each rule): measured from outside it was
     * a large part of what a trivial request cost (docs/benchmarks.md, issue 19). The patterns here have no MVC-only
     * forms (suffixes, servlet paths), so they match the same requests.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security 6.5 wraps its filter chain in Spring MVC's {@code HandlerMappingIntrospector} cache filter whenever
     * Spring MVC is present, so that MVC request matchers and a chain's CORS look-up share one handler look-up per
     * request. Nothing here asks the introspector on a request: string matchers are path patterns
     * ({@link #pathPatternMatchers}) and no chain configures CORS (the admin web and the H5 build are served from the
     * same origin as the APIs). So the wrapper only looked the handler up once more for every request — 8.6 % of the CPU
     * of {@code /livez}, 3.7 % of a signed-in GET in a JFR profile (issue 19). This puts the chain back as Spring
     * Security built it, after Spring Security's own registry post-processor has wrapped it (bean factory post-processors
     * run after every registry post-processor).
     */
    @Bean
    static BeanFactoryPostProcessor securityChainWithoutIntrospectorCache() {
        return beanFactory -> {
            if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
                return;
            }
            BeanDefinition chain = registry.getBeanDefinition(CHAIN);
            if (chain.getBeanClassName() == null || !chain.getBeanClassName().endsWith("$CompositeFilterChainProxy")) {
                return;
            }
            ConstructorArgumentValues.ValueHolder filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
            // [the introspector's cache filter, the chain as Spring Security built it]
            if (filters != null && filters.getValue() instanceof java.util.List<?> list && list.size() == 2
                    && list.get(1) instanceof BeanDefinition built) {
                registry.removeBeanDefinition(CHAIN);
                registry.registerBeanDefinition(CHAIN, built);
            }
        };
    }

    /**
     * No Spring Security observations at all. {@code management.observations.enable.spring.security=false} only made
     * them no-ops: the decorator still wrapped each of the chain's filters in an observation filter on every request,
     * looked up their event names and passed through it twice (a JFR profile of the trivial GET, issue 19). With this
     * the chain is not decorated; {@code http.server.requests} (Prometheus) stays.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No user store of Spring's own: stops Boot from generating a default user and logging its password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
