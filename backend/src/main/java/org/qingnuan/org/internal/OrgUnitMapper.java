package org.qingnuan.org.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.org.OrgUnit;

import java.util.List;

@Mapper
public interface OrgUnitMapper extends BaseMapper<OrgUnit> {

    /**
     * Orgs by id whatever the caller's jurisdiction: for naming one's superiors and applying
     * rules that point outside the subtree (e.g. "province-run hospitals belong to the province").
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT * FROM org_unit WHERE deleted = 0 AND id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<OrgUnit> selectByIdsUnscoped(@Param("ids") List<Long> ids);

    /** Orgs of a type in a region, under a root, whatever the caller's jurisdiction. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM org_unit WHERE deleted = 0 AND type = #{type} AND region = #{region} AND path LIKE CONCAT(#{rootPath}, '%')")
    List<OrgUnit> selectByTypeAndRegionUnscoped(@Param("type") String type, @Param("region") String region,
                                                @Param("rootPath") String rootPath);
}
