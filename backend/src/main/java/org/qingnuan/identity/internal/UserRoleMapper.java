package org.qingnuan.identity.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.identity.UserRole;

@Mapper
public interface UserRoleMapper extends BaseMapper<UserRole> {
}
