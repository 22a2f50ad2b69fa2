package org.qingnuan.privacy.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.privacy.PersonalDataAccess;

@Mapper
public interface PersonalDataAccessMapper extends BaseMapper<PersonalDataAccess> {
}
