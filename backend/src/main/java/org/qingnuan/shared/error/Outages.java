package org.qingnuan.shared.error;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.redis.RedisAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which failures mean "a backing service is down" rather than "a bug": they are answered with a 503 whose
 * code names the service ({@code DATABASE_UNAVAILABLE}, {@code REDIS_UNAVAILABLE}), logged as one line
 * without a stack trace (at most one line a second), never as an unhandled 500.
 */
public final class Outages {

    private static final Logger log = LoggerFactory.getLogger(Outages.class);
    private static final AtomicLong lastLogged = new AtomicLong();

    private Outages() {
    }

    /** The code to answer with when {@code failure} is an outage of the database or Redis. */
    public static Optional<CommonError> codeOf(Throwable failure) {
        if (RedisAvailability.isOutage(failure)) {
            return Optional.of(CommonError.REDIS_UNAVAILABLE);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    // a commit or rollback on a connection the database closed (the fault run's 500s)
                    || t instanceof TransactionSystemException
                    // SQLSTATE class 08: connection exception
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return Optional.of(CommonError.DATABASE_UNAVAILABLE);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** One warning line (no stack trace), at most once a second, so an outage does not flood the log. */
    public static void log(CommonError code, Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= 1000 && lastLogged.compareAndSet(last, now)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("Answered {}: {} ({})", code.name(), failure.getClass().getSimpleName(), root.getClass().getSimpleName());
        }
    }
}
