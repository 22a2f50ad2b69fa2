package org.qingnuan.notice.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.notice.SubscribeConsent;

@Mapper
public interface SubscribeConsentMapper extends BaseMapper<SubscribeConsent> {

    /** Takes one credit if there is one: 1 when taken, 0 when the user has none left. Atomic in the database. */
    @Update("UPDATE subscribe_consent SET credits = credits - 1 WHERE user_id = #{userId} AND template_id = #{templateId}"
            + " AND credits > 0")
    int takeOne(@Param("userId") long userId, @Param("templateId") String templateId);

    @Update("UPDATE subscribe_consent SET credits = credits + #{n} WHERE user_id = #{userId} AND template_id = #{templateId}")
    int add(@Param("userId") long userId, @Param("templateId") String templateId, @Param("n") int n);

    @Update("UPDATE subscribe_consent SET credits = 0 WHERE user_id = #{userId} AND template_id = #{templateId}")
    int clear(@Param("userId") long userId, @Param("templateId") String templateId);
}
