package org.qingnuan.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts a real redis-server (the binary shipped in the embedded-redis jar) when the "embedded"
 * profile is on, before any bean exists, and points {@code spring.data.redis.port} at it. Redisson
 * then connects exactly as in production. The server stops with the application context, or at the
 * latest when the JVM exits.
 */
public class EmbeddedRedisLauncher implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "embedded";

    private static RedisServer server;
    private static int port;
    private static java.util.concurrent.CompletableFuture<Void> started = java.util.concurrent.CompletableFuture.completedFuture(null);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Profiles 'embedded' and 'prod' cannot be active together");
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("embeddedRedis", Map.of("spring.data.redis.port", startOnce())));
        // stop with the application, also when its start is abandoned (e.g. the class-data training run)
        application.addListeners((ApplicationListener<ContextClosedEvent>) event -> stop());
        // the server starts in the background while Spring builds the context; Redisson waits for it
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(org.redisson.api.RedissonClient.class, true, false)) {
                var definition = beanFactory.getBeanDefinition(name);
                String[] before = definition.getDependsOn();
                String[] after = before == null ? new String[1] : java.util.Arrays.copyOf(before, before.length + 1);
                after[after.length - 1] = READY_BEAN;
                definition.setDependsOn(after);
            }
            ((org.springframework.beans.factory.support.BeanDefinitionRegistry) beanFactory).registerBeanDefinition(
                    READY_BEAN, new org.springframework.beans.factory.support.RootBeanDefinition(Ready.class));
        }));
    }

    static final String READY_BEAN = "embeddedRedisReady";

    /** Its creation waits until the embedded server accepts connections. */
    static final class Ready {
        Ready() {
            try {
                started.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The embedded Redis server did not start", e);
            }
        }
    }

    /** One server per JVM while an application context uses it. */
    private static synchronized int startOnce() {
        if (server == null) {
            try {
                port = freePort();
                RedisServer redis = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("maxmemory 64mb")
                        .build();
                server = redis;
                started = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        redis.start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not start the embedded Redis server", e);
                    }
                });
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedisLauncher::stop, "embedded-redis-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded Redis server", e);
            }
        }
        return port;
    }

    private static synchronized void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
        }
    }

    private static void stopQuietly(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException ignored) {
            // the JVM is going away; the child process dies with it
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public int getOrder() {
        // after application*.yml has been read, so the profile settings are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}
