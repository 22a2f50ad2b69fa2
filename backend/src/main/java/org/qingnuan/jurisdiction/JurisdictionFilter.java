package org.qingnuan.jurisdiction;

import com.baomidou.mybatisplus.core.metadata.TableInfo;
import com.baomidou.mybatisplus.core.metadata.TableInfoHelper;
import com.baomidou.mybatisplus.extension.plugins.handler.MultiDataPermissionHandler;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one place jurisdiction is enforced: MyBatis-Plus calls it for every table of every
 * statement, and for tables of {@link OrgScoped} entities it adds the condition "belongs to the
 * signed-in staff member's subtree". A by-id read of a sibling city's row therefore finds nothing,
 * an update of it changes nothing, and an org id smuggled into a query only narrows the result.
 */
@Component
class JurisdictionFilter implements MultiDataPermissionHandler {

    @Override
    public Expression getSqlSegment(Table table, Expression where, String mappedStatementId) {
        Optional<Jurisdiction> jurisdiction = Jurisdiction.current();
        if (jurisdiction.isEmpty()) {
            return null;
        }
        TableInfo tableInfo = TableInfoHelper.getTableInfo(unquote(table.getName()));
        OrgScoped scoped = tableInfo == null ? null : tableInfo.getEntityType().getAnnotation(OrgScoped.class);
        if (scoped == null) {
            return null;
        }
        String prefix = jurisdiction.get().orgPath();
        if (!Jurisdiction.PATH.matcher(prefix).matches()) {
            // the path is inlined into SQL below; it is made of ids only, and anything else is refused
            throw new IllegalStateException("Malformed org path in jurisdiction");
        }
        String qualifier = (table.getAlias() != null ? table.getAlias().getName() : table.getName()) + ".";
        String column = qualifier + scoped.column();
        String subtree = " IN (SELECT jurisdiction_org.id FROM org_unit jurisdiction_org"
                + " WHERE jurisdiction_org.path LIKE '" + prefix + "%')";
        String condition = switch (scoped.kind()) {
            case ORG_PATH -> column + " LIKE '" + prefix + "%'";
            case ORG_ID -> {
                StringBuilder any = new StringBuilder(column).append(subtree);
                for (String also : scoped.alsoColumns()) {
                    any.append(" OR ").append(qualifier).append(also).append(subtree);
                }
                yield scoped.alsoColumns().length == 0 ? any.toString() : "(" + any + ")";
            }
        };
        try {
            return CCJSqlParserUtil.parseCondExpression(condition);
        } catch (JSQLParserException e) {
            throw new IllegalStateException("Could not build the jurisdiction condition", e);
        }
    }

    private static String unquote(String name) {
        return name.replace("`", "");
    }
}
