package org.qingnuan.shared.idempotency.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.shared.idempotency.IdempotencyRecord;

/**
 * The key rows. Static SQL for the two writes of every creation rather than the entity insert and update, whose
 * per-column tests are built again for every row: each help request submitted writes both (issue 19).
 */
@Mapper
public interface IdempotencyRecordMapper extends BaseMapper<IdempotencyRecord> {

    /** The key, before what it creates (unique on scope and key: a second call waits here for the first). */
    @Insert("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at)"
            + " VALUES (#{scope}, #{idemKey}, #{requestHash}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int open(IdempotencyRecord record);

    /** What the key's call created. */
    @Update("UPDATE idempotency_record SET resource_id = #{resourceId} WHERE id = #{id}")
    int created(@Param("id") long id, @Param("resourceId") long resourceId);
}
