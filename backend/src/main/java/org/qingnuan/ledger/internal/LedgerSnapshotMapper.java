package org.qingnuan.ledger.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.ledger.LedgerSnapshot;

@Mapper
public interface LedgerSnapshotMapper extends BaseMapper<LedgerSnapshot> {
}
