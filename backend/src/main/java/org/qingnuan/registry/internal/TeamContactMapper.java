package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.registry.TeamContact;

@Mapper
public interface TeamContactMapper extends BaseMapper<TeamContact> {
}
