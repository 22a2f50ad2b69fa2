package org.qingnuan.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the admin web (admin-web/dist, packaged as classpath static/admin) at /admin, and the
 * mini-program's H5 build (miniprogram/dist/build/h5, packaged as static/m) at /m. Both use hash
 * routes, so only their index pages need a mapping. The static files need no sign-in: they fall to
 * the permit-all chain of DefaultSecurityConfig, the APIs have chains of their own.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/admin/");
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
        registry.addRedirectViewController("/m", "/m/");
        registry.addViewController("/m/").setViewName("forward:/m/index.html");
    }
}
