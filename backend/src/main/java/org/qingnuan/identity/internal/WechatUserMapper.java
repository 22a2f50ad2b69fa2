package org.qingnuan.identity.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.identity.WechatUser;

@Mapper
public interface WechatUserMapper extends BaseMapper<WechatUser> {
}
