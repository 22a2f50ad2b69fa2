package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.registry.MedicalWorkerSpan;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface MedicalWorkerSpanMapper extends BaseMapper<MedicalWorkerSpan> {

    /**
     * Closes the open span of every worker that is gone, withdrawn, or no longer counts as the span says.
     * A correlated subquery rather than MySQL's multi-table UPDATE: the embedded default runs on H2.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Update("UPDATE medical_worker_span SET valid_to = #{now} WHERE valid_to IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM medical_worker w WHERE w.id = medical_worker_span.worker_id AND w.withdrawn_at IS NULL"
            + " AND w.org_id = medical_worker_span.org_id AND w.aided_hubei = medical_worker_span.aided_hubei"
            + " AND (w.batch = medical_worker_span.batch OR (w.batch IS NULL AND medical_worker_span.batch IS NULL)))")
    int closeChanged(@Param("now") LocalDateTime now);

    /** Opens a span for every counted (not withdrawn) worker without an open one. */
    @InterceptorIgnore(dataPermission = "true")
    @Insert("INSERT INTO medical_worker_span (worker_id, org_id, aided_hubei, batch, valid_from, valid_to)"
            + " SELECT w.id, w.org_id, w.aided_hubei, w.batch, #{now}, NULL FROM medical_worker w"
            + " WHERE w.withdrawn_at IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM medical_worker_span s WHERE s.worker_id = w.id AND s.valid_to IS NULL)")
    int openMissing(@Param("now") LocalDateTime now);

    @InterceptorIgnore(dataPermission = "true")
    @Delete("DELETE FROM medical_worker_span WHERE worker_id = #{workerId}")
    int forget(@Param("workerId") long workerId);

    /** Head counts per org and batch of the spans open at {@code end}; the jurisdiction applies. */
    @Select("SELECT org_id AS orgId, batch, COUNT(*) AS total, SUM(aided_hubei) AS aidedHubei FROM medical_worker_span"
            + " WHERE valid_from < #{end} AND (valid_to IS NULL OR valid_to >= #{end}) GROUP BY org_id, batch")
    List<MedicalWorkerMapper.HeadCount> countOpenAt(@Param("end") LocalDateTime end);
}
