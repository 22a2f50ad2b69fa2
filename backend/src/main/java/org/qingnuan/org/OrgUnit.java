package org.qingnuan.org;

import com.baomidou.mybatisplus.annotation.TableLogic;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;


/** A league organisation or partner unit. Its {@code path} lists the ids from the root down to it. */
@TableName("org_unit")
@OrgScoped(column = "path", kind = OrgScoped.Kind.ORG_PATH)
public class OrgUnit extends Timestamped {

    private Long parentId;
    private String path;
    private Integer depth;
    private String name;
    private OrgType type;
    private String region;
    @Version
    private Integer version;
    @TableLogic
    private Integer deleted;

    /** Pre-order of the tree: by the ids along the path, compared as numbers. */
    public static final java.util.Comparator<OrgUnit> TREE_ORDER = (a, b) -> {
        String[] x = a.getPath().split("/");
        String[] y = b.getPath().split("/");
        for (int i = 1; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    /** The ids on an org's path, from the root down to the org itself ("/1/5/9/" gives 1, 5, 9). */
    public static java.util.List<Long> idsOnPath(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).map(Long::valueOf).toList();
    }

    /** Path of a child of this org with the given id. */
    public String childPath(long childId) {
        return path + childId + "/";
    }

    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Integer getDepth() { return depth; }
    public void setDepth(Integer depth) { this.depth = depth; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrgType getType() { return type; }
    public void setType(OrgType type) { this.type = type; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Integer getDeleted() { return deleted; }
    public void setDeleted(Integer deleted) { this.deleted = deleted; }
}
