package org.qingnuan.jurisdiction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose rows belong to an organisation. Every SELECT, UPDATE and DELETE on its
 * table made while a staff member is signed in is limited to that staff member's subtree by
 * {@link JurisdictionFilter} — services and controllers do not repeat the check.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OrgScoped {

    /** Column holding the owning organisation's id (or its path, for {@link Kind#ORG_PATH}). */
    String column() default "org_id";

    Kind kind() default Kind.ORG_ID;

    /**
     * Further org-id columns whose orgs also see the row (a help request's responsible unit sees it
     * besides the family's org). Only with {@link Kind#ORG_ID}.
     */
    String[] alsoColumns() default {};

    enum Kind {
        /** The column holds an org id; the row is visible when that org is in the subtree. */
        ORG_ID,
        /** The column holds an org's materialised path (the org tree itself). */
        ORG_PATH
    }
}
