package org.qingnuan.volunteer.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.volunteer.ServiceHours;

@Mapper
public interface ServiceHoursMapper extends BaseMapper<ServiceHours> {
}
