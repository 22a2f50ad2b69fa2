package org.qingnuan.shared.idempotency.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.qingnuan.shared.idempotency.IdempotencyRecord;

/**
 * The key rows. Static SQL for the write of every creation rather than the entity insert, whose per-column tests are
 * built again for every row: each help request submitted writes one (issue 19).
 */
@Mapper
public interface IdempotencyRecordMapper extends BaseMapper<IdempotencyRecord> {

    /**
     * The key with what its call created, last in the creation's transaction (unique on scope and key: a second call
     * with the key waits here until the first commits, then fails as a duplicate and rolls its own work back).
     */
    @Insert("INSERT INTO idempotency_record (scope, idem_key, request_hash, resource_id, created_at)"
            + " VALUES (#{scope}, #{idemKey}, #{requestHash}, #{resourceId}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int record(IdempotencyRecord record);
}
