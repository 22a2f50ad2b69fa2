package org.qingnuan.identity.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.identity.FamilyInvite;

@Mapper
public interface FamilyInviteMapper extends BaseMapper<FamilyInvite> {
}
