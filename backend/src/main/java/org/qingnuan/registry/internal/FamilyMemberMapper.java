package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.registry.FamilyMember;

@Mapper
public interface FamilyMemberMapper extends BaseMapper<FamilyMember> {
}
