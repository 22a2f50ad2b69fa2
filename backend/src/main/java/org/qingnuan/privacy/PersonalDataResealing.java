package org.qingnuan.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Key rotation's second half: re-seals every stored value still sealed under an older key with the active key, so
 * that the older key can be removed from {@code QN_CRYPTO_KEYS}. Every column named {@code *_sealed} of a table
 * with an {@code id} is covered (the naming rule of sql/migration). Each value is replaced by a conditional UPDATE
 * ({@code WHERE id = ? AND col = <old value>}): a row changed meanwhile by the application keeps its new value
 * (sealed under the active key anyway), and two instances re-sealing at once only repeat work, never lose any.
 */
@Component
public class PersonalDataResealing {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataResealing.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Counter resealed;

    PersonalDataResealing(JdbcTemplate jdbc, PersonalDataCipher cipher, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.resealed = Counter.builder("qn.privacy.resealed").description("Values re-sealed under the active key")
                .register(meters);
    }

    /** A sealed column: its table and name. */
    public record SealedColumn(String table, String column) {
    }

    /** Re-seals everything not under the active key; answers how many values this call re-sealed. */
    public int resealAll() {
        String prefix = cipher.activeKeyId() + ":";
        int total = 0;
        for (SealedColumn c : sealedColumns()) {
            total += reseal(c, prefix);
        }
        if (total > 0) {
            log.info("Personal data: {} value(s) re-sealed under key {}; {} left under older keys", total,
                    cipher.activeKeyId(), remaining());
        }
        return total;
    }

    /** Values still sealed under another key than the active one (0: older keys may be removed). */
    public long remaining() {
        String prefix = cipher.activeKeyId() + ":";
        long left = 0;
        for (SealedColumn c : sealedColumns()) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + c.table() + " WHERE " + c.column()
                    + " IS NOT NULL AND " + c.column() + " NOT LIKE ?", Long.class, prefix + "%");
            left += n == null ? 0 : n;
        }
        return left;
    }

    private int reseal(SealedColumn c, String prefix) {
        int done = 0;
        long after = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, " + c.column() + " AS v FROM " + c.table()
                    + " WHERE id > ? AND " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ? ORDER BY id LIMIT "
                    + BATCH, after, prefix + "%");
            if (rows.isEmpty()) {
                return done;
            }
            for (Map<String, Object> row : rows) {
                long id = ((Number) row.get("id")).longValue();
                String old = (String) row.get("v");
                after = id;
                String fresh = cipher.seal(cipher.open(old));
                done += jdbc.update("UPDATE " + c.table() + " SET " + c.column() + " = ? WHERE id = ? AND " + c.column()
                        + " = ?", fresh, id, old);
            }
            resealed.increment(rows.size());
        }
    }

    /** Every {@code *_sealed} column of this database's tables that have an {@code id}. */
    public List<SealedColumn> sealedColumns() {
        return jdbc.execute((java.sql.Connection connection) -> {
            DatabaseMetaData meta = connection.getMetaData();
            List<SealedColumn> found = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%_sealed")) {
                while (rs.next()) {
                    found.add(new SealedColumn(rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")));
                }
            }
            List<SealedColumn> withId = new ArrayList<>();
            for (SealedColumn c : found) {
                try (ResultSet id = meta.getColumns(connection.getCatalog(), connection.getSchema(), c.table(), "id")) {
                    if (id.next() && c.column().toLowerCase().endsWith("_sealed")) {
                        withId.add(new SealedColumn(c.table().toLowerCase(), c.column().toLowerCase()));
                    }
                }
            }
            return withId;
        });
    }
}
