package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.prompt.DemandFulfilment;

@Mapper
public interface DemandFulfilmentMapper extends BaseMapper<DemandFulfilment> {

    /** Adds to the delivered quantity in one statement, so concurrent recordings add up. */
    @Update("UPDATE demand_item SET delivered_quantity = delivered_quantity + #{quantity}, updated_at = #{now} WHERE id = #{itemId}")
    int addDelivered(@Param("itemId") long itemId, @Param("quantity") int quantity, @Param("now") java.time.LocalDateTime now);
}
