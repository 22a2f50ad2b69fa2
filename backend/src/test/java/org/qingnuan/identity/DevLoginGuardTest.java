package org.qingnuan.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevLoginGuardTest {

    private final DevLoginGuard guard = new DevLoginGuard();

    @Test
    void theProductionProfileRefusesToStartWithTheDemoSignIn() {
        StandardEnvironment env = environment("prod", "true");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("qingnuan.miniprogram.dev-login");
    }

    @Test
    void theEmbeddedDefaultMayUseIt() {
        assertThatCode(() -> guard.postProcessEnvironment(environment("embedded", "true"), new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(environment("prod", "false"), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static StandardEnvironment environment(String profile, String devLogin) {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles(profile);
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of(DevLoginGuard.PROPERTY, devLogin)));
        return env;
    }
}
