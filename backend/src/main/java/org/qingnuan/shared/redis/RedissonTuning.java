package org.qingnuan.shared.redis;

import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adjusts the Redisson client that the starter builds from {@code spring.data.redis.*}: a smaller
 * connection pool than Redisson's default of 24 idle connections (start-up time and memory count on
 * 2 cores), and the password only when one is set.
 */
@Configuration(proxyBeanMethods = false)
class RedissonTuning {

    @Bean
    RedissonAutoConfigurationCustomizer redissonPoolCustomizer(
            @Value("${qingnuan.redisson.min-idle-connections:4}") int minIdle,
            @Value("${qingnuan.redisson.pool-size:32}") int poolSize,
            @Value("${qingnuan.redisson.threads:4}") int threads,
            @Value("${QN_REDIS_PASSWORD:}") String password) {
        return config -> {
            config.setThreads(threads);
            config.setNettyThreads(threads * 2);
            if (config.isSentinelConfig()) {
                // SPRING_DATA_REDIS_SENTINEL_MASTER / _NODES set (docs/deploy.zh-CN.md): keep the starter's
                // Sentinel client, tune its master pool; calling useSingleServer() here would replace it
                SentinelServersConfig sentinel = config.useSentinelServers();
                sentinel.setMasterConnectionMinimumIdleSize(minIdle);
                sentinel.setMasterConnectionPoolSize(poolSize);
                sentinel.setSubscriptionConnectionMinimumIdleSize(1);
                if (!password.isBlank()) {
                    sentinel.setPassword(password);
                }
                return;
            }
            SingleServerConfig server = config.useSingleServer();
            server.setConnectionMinimumIdleSize(minIdle);
            server.setConnectionPoolSize(poolSize);
            server.setSubscriptionConnectionMinimumIdleSize(1);
            if (!password.isBlank()) {
                server.setPassword(password);
            }
        };
    }
}
