package org.qingnuan.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The demo sign-in picks any user without WeChat; in production that would let anyone act as any
 * family. So the production profile refuses to start with it switched on, before any bean exists.
 */
public class DevLoginGuard implements EnvironmentPostProcessor {

    static final String PROPERTY = "qingnuan.miniprogram.dev-login";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && Boolean.parseBoolean(environment.getProperty(PROPERTY, "false"))) {
            throw new IllegalStateException(PROPERTY + "=true is refused in the prod profile: the demo sign-in"
                    + " lets anyone act as any user. Remove it (it belongs to the embedded default only).");
        }
    }
}
