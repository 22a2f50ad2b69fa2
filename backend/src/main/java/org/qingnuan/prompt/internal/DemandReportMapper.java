package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.prompt.DemandReport;

import java.util.List;

@Mapper
public interface DemandReportMapper extends BaseMapper<DemandReport> {

    /** Teams a follower is bound to (a follower has no jurisdiction; the binding is the key). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT team_id FROM team_binding WHERE open_id = #{openId} ORDER BY id")
    List<Long> teamsOf(@Param("openId") String openId);
}
