package org.qingnuan.alert.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.alert.CrisisAlertDelivery;

@Mapper
public interface CrisisAlertDeliveryMapper extends BaseMapper<CrisisAlertDelivery> {
}
