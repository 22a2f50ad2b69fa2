package org.qingnuan.story.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.story.Story;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface StoryMapper extends BaseMapper<Story> {

    // a volunteer withdrawing consent is no staff member: whatever org published the stories, they come down

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM story WHERE subject_volunteer_id = #{volunteerId} AND status = 'PUBLISHED'")
    List<Story> publishedAbout(@Param("volunteerId") long volunteerId);

    @InterceptorIgnore(dataPermission = "true")
    @Update("UPDATE story SET status = 'WITHDRAWN', version = version + 1, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'PUBLISHED'")
    int withdrawPublished(@Param("id") long id, @Param("now") LocalDateTime now);
}
