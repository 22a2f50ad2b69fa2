package org.qingnuan.photocheck.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.photocheck.PhotoCheck;

@Mapper
public interface PhotoCheckMapper extends BaseMapper<PhotoCheck> {
}
