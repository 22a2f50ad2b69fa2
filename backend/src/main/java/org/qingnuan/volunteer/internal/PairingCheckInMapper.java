package org.qingnuan.volunteer.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.volunteer.PairingCheckIn;

@Mapper
public interface PairingCheckInMapper extends BaseMapper<PairingCheckIn> {
}
