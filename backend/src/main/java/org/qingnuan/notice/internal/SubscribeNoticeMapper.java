package org.qingnuan.notice.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.notice.SubscribeNotice;

@Mapper
public interface SubscribeNoticeMapper extends BaseMapper<SubscribeNotice> {
}
