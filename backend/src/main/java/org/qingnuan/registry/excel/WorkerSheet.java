package org.qingnuan.registry.excel;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the registry sheet: seed 003 annex 2 (重庆志愿者精准守护一线医护人员工作信息表) —
 * a title row, the 区县/填报人/联系电话 line, then the columns of the form — with the columns
 * Qingnuan adds at the end (医疗队, 是否支援湖北, 批次, the family's point as 纬度/经度 for matching
 * volunteers nearby, e.g. read off a map app, then 区县 and 身份证号), so a sheet filled in the old way
 * still fits.
 */
public final class WorkerSheet {

    public static final String TITLE = "一线医护人员精准守护工作信息表";
    public static final String FILLER_LINE = "区县：                    填报人：                    联系电话：";
    public static final int HEADER_ROWS = 3;

    public static final int SEQ = 0;
    public static final int HOSPITAL = 1;
    public static final int NAME = 2;
    public static final int GENDER = 3;
    public static final int POSITION = 4;
    public static final int FRONTLINE_LOCATION = 5;
    public static final int HOME_ADDRESS = 6;
    public static final int OWN_PHONE = 7;
    public static final int FAMILY_PHONE = 8;
    public static final int PAIRED_VOLUNTEER = 9;
    public static final int NOTES = 10;
    public static final int TEAM = 11;
    public static final int AIDED_HUBEI = 12;
    public static final int BATCH = 13;
    public static final int LATITUDE = 14;
    public static final int LONGITUDE = 15;
    /**
     * The district league the row belongs to (a city-wide sheet names each row's 区县); blank: the
     * sheet's "区县：" line, else the org the import is for. Added at the end so older sheets still fit.
     */
    public static final int DISTRICT = 16;
    /** The stable match key on re-import when present (else hospital + name). */
    public static final int ID_NUMBER = 17;

    public static final List<String> COLUMNS = List.of("序号", "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
            "本人联系电话", "家属联系电话", "结对志愿者", "备注", "医疗队", "是否支援湖北", "批次", "家庭位置纬度", "家庭位置经度",
            "区县", "身份证号");

    private WorkerSheet() {
    }

    /** Multi-row head: identical neighbouring cells are merged by the writer, giving the annex's title rows. */
    public static List<List<String>> head(List<String> columns, String title, String fillerLine) {
        List<List<String>> head = new ArrayList<>();
        for (String column : columns) {
            head.add(List.of(title, fillerLine, column));
        }
        return head;
    }
}
