package org.qingnuan.ticket.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.ticket.CarePlan;

@Mapper
public interface CarePlanMapper extends BaseMapper<CarePlan> {
}
