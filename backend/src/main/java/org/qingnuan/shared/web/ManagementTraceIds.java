package org.qingnuan.shared.web;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletRegistrationBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The management port (Prometheus, probes) is a child context with a web server of its own, and a child's
 * server runs only the filters of the child: without this, a line logged while serving it (a scrape whose
 * client went away, logged by the shared exception handler) carried no {@code traceId}. Registered through
 * {@code META-INF/spring/…ManagementContextConfiguration.imports}, as Spring Boot asks for child-context beans.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementTraceIds {

    @Bean
    FilterRegistrationBean<TraceIdFilter> managementTraceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The management server's dispatcher starts with it (as {@code spring.mvc.servlet.load-on-startup} does for the
     * public one): otherwise the first scrape initialises it and its lines are logged as a request's, without an id.
     */
    @Bean
    static BeanPostProcessor managementDispatcherAtStart() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DispatcherServletRegistrationBean registration) {
                    registration.setLoadOnStartup(1);
                }
                return bean;
            }
        };
    }
}
