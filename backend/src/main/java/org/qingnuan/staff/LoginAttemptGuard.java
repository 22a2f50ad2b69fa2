package org.qingnuan.staff;

import org.qingnuan.shared.redis.RedisAvailability;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Limits password guessing, counted in Redis by one Lua script per attempt so that parallel requests
 * cannot slip past a limit: an attempt takes its place in every count <em>before</em> the password is
 * checked (a check-then-count would let a burst through while the first guesses are still hashing),
 * and gives the places back only when it succeeds.
 * <ul>
 *   <li>per address: {@code maxFailedLoginsPerIp} failed sign-ins within the window, then 429;</li>
 *   <li>per username and address: {@code maxFailedLogins} in a row lock that pair for {@code lockDuration},
 *       each further lock of the pair twice as long. A stranger can lock only their own address out; the
 *       username is counted as typed, whether it exists or not, so locks tell nothing about accounts;</li>
 *   <li>per username from unusual addresses (guessing from many addresses): {@code maxFailedLoginsPerAccount}
 *       within the window, then those addresses are refused, while an address the account signed in from
 *       successfully before ({@code usualAddressMemory}) still gets in.</li>
 * </ul>
 * Lock times come from the application's clock (tests move it); the keys' own expiry is only cleanup.
 */
@Component
class LoginAttemptGuard {

    private static final String ADDRESS_KEY = "qn:staff:login:address:";
    private static final String PAIRS_KEY = "qn:staff:login:pairs:";
    private static final String ACCOUNT_KEY = "qn:staff:login:account:";
    private static final String USUAL_KEY = "qn:staff:login:usual:";

    // KEYS: address count, the username's pairs (hash <addr>:n, <addr>:until, <addr>:locks), account count, usual addresses
    // ARGV: now ms, address limit, address window ms, pair limit, lock ms, max lock ms, account limit,
    //       account window ms, address
    // → {verdict, locked until ms, usual (1/0)}; verdict 0 go on, 1 address over its limit, 2 pair locked,
    //   3 account refused from unusual addresses
    private static final String ACQUIRE = """
            local now = tonumber(ARGV[1])
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
            if n > tonumber(ARGV[2]) then return {1, 0, 0} end
            local addr = ARGV[9]
            local lockedUntil = tonumber(redis.call('HGET', KEYS[2], addr .. ':until') or '0')
            if lockedUntil > now then return {2, lockedUntil, 0} end
            if lockedUntil > 0 then
              redis.call('HDEL', KEYS[2], addr .. ':until')
              redis.call('HSET', KEYS[2], addr .. ':n', 0)
            end
            local usual = redis.call('SISMEMBER', KEYS[4], addr)
            if usual == 0 then
              local a = redis.call('INCR', KEYS[3])
              if a == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[8]) end
              if a > tonumber(ARGV[7]) then return {3, 0, 0} end
            end
            local f = redis.call('HINCRBY', KEYS[2], addr .. ':n', 1)
            local untilMs = 0
            if f >= tonumber(ARGV[4]) then
              local locks = redis.call('HINCRBY', KEYS[2], addr .. ':locks', 1)
              local lockMs = math.min(tonumber(ARGV[5]) * math.pow(2, math.min(locks - 1, 20)), tonumber(ARGV[6]))
              untilMs = now + lockMs
              redis.call('HSET', KEYS[2], addr .. ':until', untilMs)
            end
            redis.call('PEXPIRE', KEYS[2], 2 * tonumber(ARGV[6]))
            return {0, untilMs, usual}
            """;

    // KEYS: address count, pairs, account count, usual addresses; ARGV: address, usual (1/0), usual memory ms
    private static final String SUCCEED = """
            redis.call('DECR', KEYS[1])
            redis.call('HDEL', KEYS[2], ARGV[1] .. ':n', ARGV[1] .. ':until', ARGV[1] .. ':locks')
            if ARGV[2] == '0' then redis.call('DECR', KEYS[3]) end
            redis.call('SADD', KEYS[4], ARGV[1])
            redis.call('PEXPIRE', KEYS[4], ARGV[3])
            return 1
            """;

    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final AuthProperties properties;
    private final Clock clock;

    /** Needs Redis (a sign-in opens a session there anyway): while it is down, every call is a 503 at once. */
    LoginAttemptGuard(RedissonClient redisson, RedisAvailability redis, AuthProperties properties, Clock clock) {
        this.redisson = redisson;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One attempt's place in the counts, taken before its password is checked.
     *
     * @param lockedUntil set when this attempt is the one that locked the pair: a wrong password then answers "locked"
     */
    record Attempt(String username, String address, boolean usual, Instant lockedUntil) {
    }

    enum Refusal { ADDRESS_LIMIT, LOCKED }

    static final class Refused extends RuntimeException {
        final Refusal refusal;
        final Instant until;

        Refused(Refusal refusal, Instant until) {
            super(null, null, false, false);
            this.refusal = refusal;
            this.until = until;
        }
    }

    Attempt begin(String username, String address) {
        String user = normalise(username);
        List<Object> answer = redis.call(() -> script().eval(RScript.Mode.READ_WRITE, ACQUIRE, RScript.ReturnType.MULTI,
                keys(user, address), clock.millis(), properties.maxFailedLoginsPerIp(),
                properties.failedLoginWindow().toMillis(), properties.maxFailedLogins(),
                properties.lockDuration().toMillis(), properties.maxLockDuration().toMillis(),
                properties.maxFailedLoginsPerAccount(), properties.accountFailureWindow().toMillis(), address));
        long verdict = ((Number) answer.get(0)).longValue();
        long until = ((Number) answer.get(1)).longValue();
        if (verdict == 1) {
            throw new Refused(Refusal.ADDRESS_LIMIT, null);
        }
        if (verdict == 2) {
            throw new Refused(Refusal.LOCKED, Instant.ofEpochMilli(until));
        }
        if (verdict == 3) {
            throw new Refused(Refusal.LOCKED, null);
        }
        return new Attempt(user, address, ((Number) answer.get(2)).longValue() == 1,
                until == 0 ? null : Instant.ofEpochMilli(until));
    }

    /** The password was right: the attempt's places are given back, the pair starts afresh, the address becomes usual. */
    void succeeded(Attempt attempt) {
        redis.run(() -> script().eval(RScript.Mode.READ_WRITE, SUCCEED, RScript.ReturnType.INTEGER,
                keys(attempt.username(), attempt.address()), attempt.address(), attempt.usual() ? "1" : "0",
                properties.usualAddressMemory().toMillis()));
    }

    /** An administrator's reset: every lock of the username ends. */
    void unlock(String username) {
        String user = normalise(username);
        redis.run(() -> redisson.getKeys().delete(PAIRS_KEY + user, ACCOUNT_KEY + user));
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    private static List<Object> keys(String user, String address) {
        return List.of(ADDRESS_KEY + address, PAIRS_KEY + user, ACCOUNT_KEY + user, USUAL_KEY + user);
    }

    /** The database compares usernames case-insensitively, so the counts must too. */
    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
