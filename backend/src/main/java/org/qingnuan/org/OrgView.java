package org.qingnuan.org;

import java.util.List;

/** An organisation as the staff API shows it. */
public record OrgView(long id, Long parentId, String name, OrgType type, String typeLabel, String region,
                      String path, int depth, int version) {

    public static OrgView of(OrgUnit org) {
        return new OrgView(org.getId(), org.getParentId(), org.getName(), org.getType(), org.getType().label(),
                org.getRegion(), org.getPath(), org.getDepth(), org.getVersion());
    }

    /** A node of the org tree. */
    public record Node(long id, String name, OrgType type, String typeLabel, String region, List<Node> children) {
    }
}
