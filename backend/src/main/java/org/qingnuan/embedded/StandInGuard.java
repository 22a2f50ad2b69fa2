package org.qingnuan.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The embedded default's stand-ins for WeChat and OSS answer any sign-in code, hand out demo phone numbers
 * and keep photos on the local disk; in production that would let anyone act as any family. So the
 * production profile refuses to start with them switched on, before any bean exists (as {@code DevLoginGuard}
 * does for the demo sign-in).
 */
public class StandInGuard implements EnvironmentPostProcessor {

    /** Switches on the WeChat API stand-in ({@code /embedded/wechat/**}) and the OSS stand-in ({@code /embedded/oss/**}). */
    public static final String PROPERTY = "qingnuan.embedded.stand-ins";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && Boolean.parseBoolean(environment.getProperty(PROPERTY, "false"))) {
            throw new IllegalStateException(PROPERTY + "=true is refused in the prod profile: the stand-ins for WeChat"
                    + " and OSS let anyone sign in as anyone. Remove it (it belongs to the embedded default only).");
        }
    }
}
