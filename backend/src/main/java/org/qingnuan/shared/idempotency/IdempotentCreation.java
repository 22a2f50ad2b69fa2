package org.qingnuan.shared.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.idempotency.internal.IdempotencyRecordMapper;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Creates something at most once per Idempotency-Key, with the database as the arbiter: the key
 * row, with the id of what was created, is inserted last in the creation's transaction. Concurrent
 * duplicates block on the unique key until the first commits, then roll their own creation back
 * and read what the first created; if the first rolled back, the waiting one's creation stands.
 * One statement per creation rather than two (the key, then what it created): duplicates are rare
 * retries, so their wasted work costs less than an UPDATE on every creation (issue 19). Redis plays
 * no part, so flushing it changes nothing.
 */
@Component
public class IdempotentCreation {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9-]{8,64}$");

    private final IdempotencyRecordMapper records;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentCreation(IdempotencyRecordMapper records, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** @param created the id of what was created, and whether this call replayed an earlier one */
    public record Outcome(long resourceId, boolean replayed) {
    }

    /**
     * Runs {@code create} in a transaction unless this scope and key were used before with the same
     * request; then returns what that call created. The same key with another request is refused.
     */
    public Outcome create(String scope, String key, Object request, LongSupplier create) {
        requireKey(key);
        String hash = hash(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(scope, key, hash, create);
            } catch (PessimisticLockingFailureException deadlock) {
                // the first holder rolled back while several waited on the key: one of them goes ahead next time
                if (attempt >= 3) {
                    throw deadlock;
                }
            }
        }
    }

    /** Checks the key's form, before anything costly is done for the request. */
    public void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new DomainException(IdempotencyError.IDEMPOTENCY_KEY_REQUIRED);
        }
    }

    private Outcome attempt(String scope, String key, String hash, LongSupplier create) {
        Outcome created;
        try {
            created = transactions.execute(status -> {
                long id = create.getAsLong();
                IdempotencyRecord record = new IdempotencyRecord();
                record.setScope(scope);
                record.setIdemKey(key);
                record.setRequestHash(hash);
                record.setResourceId(id);
                record.setCreatedAt(LocalDateTime.now(clock));
                try {
                    records.record(record);
                } catch (DuplicateKeyException seenBefore) {
                    // rolls back this call's creation; a duplicate from the creation itself is not the key's
                    throw new KeyUsedBefore(seenBefore);
                }
                return new Outcome(id, false);
            });
        } catch (KeyUsedBefore seenBefore) {
            created = null;
        }
        if (created != null) {
            return created;
        }
        // read outside that transaction: a fresh snapshot sees the first call's commit
        IdempotencyRecord earlier = records.selectOne(new LambdaQueryWrapper<IdempotencyRecord>()
                .eq(IdempotencyRecord::getScope, scope).eq(IdempotencyRecord::getIdemKey, key));
        if (earlier == null) {
            throw new PessimisticLockingFailureException("The first call with this key rolled back; try again");
        }
        if (!earlier.getRequestHash().equals(hash)) {
            throw new DomainException(IdempotencyError.IDEMPOTENCY_KEY_REUSED);
        }
        return new Outcome(earlier.getResourceId(), true);
    }

    /** The key's row was there when this call's creation tried to add it. */
    private static final class KeyUsedBefore extends RuntimeException {
        KeyUsedBefore(DuplicateKeyException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }
}
