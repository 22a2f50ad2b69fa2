package org.qingnuan.org;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrgUnitTest {

    @Test
    void shouldOrderTheTreeByIdsNotByText() {
        List<OrgUnit> orgs = new ArrayList<>(List.of(org("/1/2/10/"), org("/1/2/3/"), org("/1/"), org("/1/2/"), org("/1/2/3/11/")));
        orgs.sort(OrgUnit.TREE_ORDER);
        assertThat(orgs).extracting(OrgUnit::getPath).containsExactly("/1/", "/1/2/", "/1/2/3/", "/1/2/3/11/", "/1/2/10/");
    }

    private static OrgUnit org(String path) {
        OrgUnit o = new OrgUnit();
        o.setPath(path);
        return o;
    }
}
