package org.qingnuan.jurisdiction;

import com.baomidou.mybatisplus.extension.plugins.handler.MultiDataPermissionHandler;
import com.baomidou.mybatisplus.extension.plugins.inner.DataPermissionInterceptor;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * MyBatis-Plus's data-permission interceptor, which parses and re-prints every SELECT, UPDATE and
 * DELETE before it asks {@link JurisdictionFilter} — on one shared parser thread on this machine. When
 * no staff member is signed in (mini-program users, WeChat callbacks, jobs) the filter adds nothing,
 * so the parse is skipped: same SQL, without the cost (the help-request benchmark found it was the
 * largest one, docs/benchmarks.md).
 */
public class JurisdictionInterceptor extends DataPermissionInterceptor {

    public JurisdictionInterceptor(MultiDataPermissionHandler filter) {
        super(filter);
    }

    @Override
    public void beforeQuery(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
                            ResultHandler resultHandler, BoundSql boundSql) throws SQLException {
        if (Jurisdiction.current().isPresent()) {
            super.beforeQuery(executor, ms, parameter, rowBounds, resultHandler, boundSql);
        }
    }

    @Override
    public void beforePrepare(StatementHandler sh, Connection connection, Integer transactionTimeout) {
        if (Jurisdiction.current().isPresent()) {
            super.beforePrepare(sh, connection, transactionTimeout);
        }
    }
}
