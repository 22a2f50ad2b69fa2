package org.qingnuan.registry;

public record HospitalView(long id, String name, String city, String district, HospitalLevel level, String levelLabel,
                           boolean designated, long orgId, String orgName, int version) {

    static HospitalView of(Hospital h, String orgName) {
        return new HospitalView(h.getId(), h.getName(), h.getCity(), h.getDistrict(), h.getLevel(), h.getLevel().label(),
                Boolean.TRUE.equals(h.getDesignated()), h.getOrgId(), orgName, h.getVersion());
    }
}
