package org.qingnuan.shared.redis;

import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adjusts the Redisson client that the starter builds from {@code spring.data.redis.*} — a single server,
 * Sentinel or a Cluster ({@link RedisTopology}): a smaller connection pool than Redisson's default of 24 idle
 * connections (start-up time and memory count on 2 cores), the password only when one is set, and one retry
 * (the timeouts, {@code spring.data.redis.timeout} and {@code connect-timeout}, are short in application.yml), so that a command to a Redis that is gone fails within about 2 s rather than after
 * Redisson's default four retries of 1.5 s each ({@link RedisAvailability} then spares the next callers even
 * that).
 */
@Configuration(proxyBeanMethods = false)
class RedissonTuning {

    @Bean
    RedissonAutoConfigurationCustomizer redissonPoolCustomizer(
            @Value("${qingnuan.redisson.min-idle-connections:4}") int minIdle,
            @Value("${qingnuan.redisson.pool-size:32}") int poolSize,
            @Value("${qingnuan.redisson.threads:4}") int threads,
            @Value("${qingnuan.redisson.retry-attempts:1}") int retryAttempts,
            @Value("${qingnuan.redisson.retry-interval-ms:200}") int retryIntervalMs,
            @Value("${QN_REDIS_PASSWORD:}") String password) {
        return config -> {
            config.setThreads(threads);
            config.setNettyThreads(threads * 2);
            BaseConfig<?> servers = servers(config);
            if (servers instanceof SingleServerConfig single) {
                single.setConnectionMinimumIdleSize(minIdle);
                single.setConnectionPoolSize(poolSize);
                single.setSubscriptionConnectionMinimumIdleSize(1);
            } else if (servers instanceof BaseMasterSlaveServersConfig<?> replicated) {
                replicated.setMasterConnectionMinimumIdleSize(minIdle);
                replicated.setMasterConnectionPoolSize(poolSize);
                replicated.setSlaveConnectionMinimumIdleSize(minIdle);
                replicated.setSlaveConnectionPoolSize(poolSize);
                replicated.setSubscriptionConnectionMinimumIdleSize(1);
            }
            servers.setRetryAttempts(retryAttempts);
            servers.setRetryInterval(retryIntervalMs);
            if (!password.isBlank()) {
                servers.setPassword(password);
            }
        };
    }

    /** The server settings the starter chose, whichever kind they are. */
    static BaseConfig<?> servers(Config config) {
        if (config.isSentinelConfig()) {
            return config.useSentinelServers();
        }
        if (config.isClusterConfig()) {
            return config.useClusterServers();
        }
        return config.useSingleServer();
    }
}
