package org.qingnuan.dispatch.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.dispatch.TicketOverdue;

@Mapper
public interface TicketOverdueMapper extends BaseMapper<TicketOverdue> {
}
