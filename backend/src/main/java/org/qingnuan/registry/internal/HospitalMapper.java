package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.registry.Hospital;

import java.util.List;

@Mapper
public interface HospitalMapper extends BaseMapper<Hospital> {

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM hospital WHERE name = #{name} AND id <> #{exceptId}")
    long countByNameUnscoped(@Param("name") String name, @Param("exceptId") long exceptId);

    /** Every row, whatever the caller's jurisdiction: workers anywhere may name any hospital. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM hospital")
    List<Hospital> selectAllUnscoped();

    /** A hospital by id whatever the caller's jurisdiction: teams and workers may come from any hospital. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM hospital WHERE id = #{id}")
    Hospital selectByIdUnscoped(@Param("id") long id);
}
