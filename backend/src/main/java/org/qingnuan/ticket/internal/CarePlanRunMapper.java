package org.qingnuan.ticket.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.ticket.CarePlanRun;

@Mapper
public interface CarePlanRunMapper extends BaseMapper<CarePlanRun> {
}
