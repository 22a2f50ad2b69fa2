package org.qingnuan.dispatch.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.dispatch.FollowUp;

@Mapper
public interface FollowUpMapper extends BaseMapper<FollowUp> {
}
