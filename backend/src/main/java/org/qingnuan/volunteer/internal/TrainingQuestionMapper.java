package org.qingnuan.volunteer.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.volunteer.TrainingQuestion;

@Mapper
public interface TrainingQuestionMapper extends BaseMapper<TrainingQuestion> {
}
