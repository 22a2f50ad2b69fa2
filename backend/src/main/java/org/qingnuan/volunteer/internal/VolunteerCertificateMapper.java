package org.qingnuan.volunteer.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.volunteer.VolunteerCertificate;

@Mapper
public interface VolunteerCertificateMapper extends BaseMapper<VolunteerCertificate> {
}
