package org.qingnuan.shared.redis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the deployment's Redis variables into Spring's {@code spring.data.redis.sentinel.*} or
 * {@code spring.data.redis.cluster.*}, which the Redisson starter reads: {@code QN_REDIS_SENTINEL_MASTER} with
 * {@code QN_REDIS_SENTINEL_NODES} (and optionally {@code QN_REDIS_SENTINEL_PASSWORD}) for Sentinel,
 * {@code QN_REDIS_CLUSTER_NODES} for a Cluster; neither: the single server of {@code QN_REDIS_HOST}/{@code PORT}.
 * Done here rather than in YAML because an empty {@code sentinel.master} would already switch the starter to
 * Sentinel.
 */
public class RedisTopology implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String master = environment.getProperty("QN_REDIS_SENTINEL_MASTER", "");
        String sentinels = environment.getProperty("QN_REDIS_SENTINEL_NODES", "");
        String cluster = environment.getProperty("QN_REDIS_CLUSTER_NODES", "");
        Map<String, Object> properties = new HashMap<>();
        if (!master.isBlank()) {
            if (sentinels.isBlank() || !cluster.isBlank()) {
                throw new IllegalStateException("QN_REDIS_SENTINEL_MASTER needs QN_REDIS_SENTINEL_NODES (host:port,...) "
                        + "and excludes QN_REDIS_CLUSTER_NODES");
            }
            properties.put("spring.data.redis.sentinel.master", master.trim());
            properties.put("spring.data.redis.sentinel.nodes", sentinels.trim());
            String sentinelPassword = environment.getProperty("QN_REDIS_SENTINEL_PASSWORD", "");
            if (!sentinelPassword.isBlank()) {
                properties.put("spring.data.redis.sentinel.password", sentinelPassword);
            }
        } else if (!cluster.isBlank()) {
            properties.put("spring.data.redis.cluster.nodes", cluster.trim());
        } else if (!sentinels.isBlank()) {
            throw new IllegalStateException("QN_REDIS_SENTINEL_NODES is set but QN_REDIS_SENTINEL_MASTER is not");
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("qingnuanRedisTopology", properties));
        }
    }
}
