package org.qingnuan.org.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.org.OrgUnit;

@Mapper
public interface OrgUnitMapper extends BaseMapper<OrgUnit> {
}
