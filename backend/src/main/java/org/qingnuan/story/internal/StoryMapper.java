package org.qingnuan.story.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.story.Story;

@Mapper
public interface StoryMapper extends BaseMapper<Story> {
}
