package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.prompt.DemandItem;

@Mapper
public interface DemandItemMapper extends BaseMapper<DemandItem> {
}
