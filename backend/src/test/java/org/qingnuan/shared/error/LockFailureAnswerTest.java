package org.qingnuan.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.redis.RedisAvailability;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.http.ResponseEntity;

import java.sql.SQLTransactionRollbackException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadlock victim or a lock wait timeout is a conflict to retry, not a 500 (the fault run met one). */
class LockFailureAnswerTest {

    private final GlobalExceptionHandler handler =
            new GlobalExceptionHandler(new ErrorResponses(new ObjectMapper()), new RedisAvailability(Duration.ofSeconds(3)));

    @Test
    void aDeadlockVictimIsAConflictToRetry() {
        ResponseEntity<ApiError> answer = handler.lockLost(new DeadlockLoserDataAccessException("deadlock",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().code()).isEqualTo(CommonError.CONFLICT.name());
        assertThat(answer.getBody().message()).contains("重试");
    }

    @Test
    void aLockWaitTimeoutIsTheSame() {
        assertThat(handler.lockLost(new CannotAcquireLockException("Lock wait timeout exceeded")).getStatusCode().value())
                .isEqualTo(409);
    }
}
