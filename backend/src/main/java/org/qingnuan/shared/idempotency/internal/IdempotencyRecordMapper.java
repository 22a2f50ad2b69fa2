package org.qingnuan.shared.idempotency.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.shared.idempotency.IdempotencyRecord;

@Mapper
public interface IdempotencyRecordMapper extends BaseMapper<IdempotencyRecord> {

    /** A locking read: sees the latest committed row even inside a transaction's older snapshot. */
    @Select("SELECT * FROM idempotency_record WHERE scope = #{scope} AND idem_key = #{key} FOR UPDATE")
    IdempotencyRecord lockByKey(@Param("scope") String scope, @Param("key") String key);
}
