package org.qingnuan.alert.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.alert.StaffAlert;

@Mapper
public interface StaffAlertMapper extends BaseMapper<StaffAlert> {
}
