package org.qingnuan.shared.web;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's annotated mappings, with the cheap first look of {@link PrefilteredRequestMappings}. */
@Configuration(proxyBeanMethods = false)
class RequestMappingConfig {

    @Bean
    WebMvcRegistrations prefilteredRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefilteredRequestMappings();
            }
        };
    }
}
