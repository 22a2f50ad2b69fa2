package org.qingnuan.shared.persistence;

import com.baomidou.mybatisplus.core.handlers.MetaObjectHandler;
import org.apache.ibatis.reflection.MetaObject;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;

/** Fills {@code createdAt}/{@code updatedAt} of every entity that declares them with fill hints. */
@Component
class TimestampFiller implements MetaObjectHandler {

    private final Clock clock;

    TimestampFiller(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void insertFill(MetaObject metaObject) {
        LocalDateTime now = LocalDateTime.now(clock);
        strictInsertFill(metaObject, "createdAt", LocalDateTime.class, now);
        strictInsertFill(metaObject, "updatedAt", LocalDateTime.class, now);
    }

    @Override
    public void updateFill(MetaObject metaObject) {
        // strictUpdateFill keeps a value the caller set; updates always stamp the current time
        setFieldValByName("updatedAt", LocalDateTime.now(clock), metaObject);
    }
}
