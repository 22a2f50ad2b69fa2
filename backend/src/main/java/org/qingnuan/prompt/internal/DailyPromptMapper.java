package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.prompt.DailyPrompt;
import org.qingnuan.registry.MedicalTeam;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The scheduler runs for no one in particular, so its reads ignore jurisdiction explicitly. */
@Mapper
public interface DailyPromptMapper extends BaseMapper<DailyPrompt> {

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM medical_team t WHERE t.prompt_enabled = 1 AND t.status = 'DEPLOYED'"
            + " AND t.prompt_time <= #{time} AND NOT EXISTS"
            + " (SELECT 1 FROM daily_prompt p WHERE p.team_id = t.id AND p.prompt_date = #{date})")
    List<MedicalTeam> teamsDue(@Param("date") LocalDate date, @Param("time") LocalTime time);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT open_id FROM team_binding WHERE team_id = #{teamId} ORDER BY id")
    List<String> boundFollowers(@Param("teamId") long teamId);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM medical_team WHERE id = #{id}")
    MedicalTeam team(@Param("id") long id);

    /** Today's prompts of teams that have not reported today and were not reminded yet. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM daily_prompt p WHERE p.prompt_date = #{date} AND p.reminded_at IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM demand_report r WHERE r.team_id = p.team_id AND r.report_date = #{date})")
    List<DailyPrompt> unreportedNotReminded(@Param("date") LocalDate date);

    /** Takes the reminder of a prompt; only one instance gets 1. */
    @InterceptorIgnore(dataPermission = "true")
    @org.apache.ibatis.annotations.Update("UPDATE daily_prompt SET reminded_at = #{now}, updated_at = #{now}"
            + " WHERE id = #{id} AND reminded_at IS NULL")
    int claimReminder(@Param("id") long id, @Param("now") java.time.LocalDateTime now);

    @Select("SELECT COUNT(*) FROM demand_report WHERE team_id = #{teamId} AND report_date = #{date}")
    long reportsOn(@Param("teamId") long teamId, @Param("date") LocalDate date);

    /** The day's current items of a team (corrected reports left out): reported, being delivered, arrived in full or closed. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) AS reported,"
            + " COALESCE(SUM(CASE WHEN i.closed_at IS NULL AND i.kind = 'SUPPLY' AND i.delivered_quantity > 0"
            + " AND i.delivered_quantity < i.quantity THEN 1 ELSE 0 END), 0) AS inProgress,"
            + " COALESCE(SUM(CASE WHEN i.closed_at IS NOT NULL OR (i.kind = 'SUPPLY' AND i.delivered_quantity >= i.quantity)"
            + " THEN 1 ELSE 0 END), 0) AS done"
            + " FROM demand_item i JOIN demand_report r ON r.id = i.report_id"
            + " WHERE r.team_id = #{teamId} AND r.report_date = #{date} AND r.replaced_by IS NULL")
    DayFigures figures(@Param("teamId") long teamId, @Param("date") LocalDate date);

    record DayFigures(Long reported, Long inProgress, Long done) {
    }
}
