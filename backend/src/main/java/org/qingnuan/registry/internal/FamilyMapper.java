package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.registry.Family;

@Mapper
public interface FamilyMapper extends BaseMapper<Family> {
}
