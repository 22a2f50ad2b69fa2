package org.qingnuan.audit.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.audit.AuditLog;

@Mapper
public interface AuditLogMapper extends BaseMapper<AuditLog> {
}
