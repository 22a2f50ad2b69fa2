package org.qingnuan.bench.registry;

import cn.idev.excel.FastExcel;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.write.metadata.WriteSheet;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.qingnuan.bench.ledger.LedgerBenchmark;
import org.qingnuan.org.OrgRequests;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.registry.HospitalLevel;
import org.qingnuan.registry.HospitalRequests;
import org.qingnuan.registry.HospitalService;
import org.qingnuan.registry.excel.WorkerImport;
import org.qingnuan.registry.excel.WorkerImportReport;
import org.qingnuan.registry.excel.WorkerSheet;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.staff.StaffRole;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18: time and heap of importing one city-wide registry sheet of 2,000 and of 20,000 rows (target:
 * under 300 MB of heap growth for 20,000). A benchmark, not a test: run it with {@code benchmarks/registry-import.sh}.
 *
 * <p>Starts the application against a fresh database, builds a municipality with REGISTRY_DISTRICTS districts
 * and one hospital, writes the sheets to files first (their writing is not measured), then imports each
 * in-process as the municipality's admin: first as new people, then the same file again (all updates, the
 * re-import of a corrected sheet). Heap: "live" is the largest heap in use right after a collection during
 * the import, minus the same after a full collection before it — the memory the import holds on to;
 * "sampled" is the largest heap in use seen every 20 ms, garbage included, minus the baseline.
 */
public final class RegistryImportBenchmark {

    static final int DISTRICTS = LedgerBenchmark.param("REGISTRY_DISTRICTS", 40);

    private RegistryImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.println("Registry import benchmark (issue 18); max heap " + rt.maxMemory() / (1024 * 1024) + " MB, "
                + rt.availableProcessors() + " cores, " + System.getProperty("java.runtime.version")
                + ", load average " + LedgerBenchmark.loadAverage());
        LedgerBenchmark.resetServices();
        ConfigurableApplicationContext app = LedgerBenchmark.start();
        int exit = 0;
        try {
            OrgService orgs = app.getBean(OrgService.class);
            OrgUnit root = orgs.visible().stream().filter(o -> o.getParentId() == null).findFirst().orElseThrow();
            as(root, () -> {
                OrgUnit city = orgs.create(new OrgRequests.CreateOrgRequest(root.getId(), "共青团重庆市委员会",
                        OrgType.MUNICIPALITY_LEAGUE, "重庆市"));
                List<String> districts = new ArrayList<>();
                for (int i = 1; i <= DISTRICTS; i++) {
                    String name = "第" + i + "区";
                    orgs.create(new OrgRequests.CreateOrgRequest(city.getId(), name, OrgType.DISTRICT_LEAGUE, name));
                    districts.add(name);
                }
                app.getBean(HospitalService.class).create(new HospitalRequests.SaveHospitalRequest("重庆市基准医院", "重庆市",
                        null, HospitalLevel.CITY_RUN, true, null, null));
                try {
                    for (int rows : new int[]{2_000, 20_000}) {
                        Path file = sheet(rows, districts, rows == 2_000 ? 0 : 100_000);
                        System.out.printf(Locale.ROOT, "%,d rows: file %.1f MB%n", rows, Files.size(file) / 1e6);
                        run(app, city, file, rows + " rows, new people");
                        run(app, city, file, rows + " rows, same file again (updates)");
                        Files.delete(file);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    static void run(ConfigurableApplicationContext app, OrgUnit city, Path file, String label) throws Exception {
        WorkerImport importer = app.getBean(WorkerImport.class);
        System.gc();
        Thread.sleep(200);
        long baseline = used();
        AtomicLong liveMax = new AtomicLong(baseline);
        AtomicLong sampledMax = new AtomicLong(baseline);
        List<Runnable> stop = watch(liveMax);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledMax.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        WorkerImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = importer.importSheet(in, city.getId(), false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        stop.forEach(Runnable::run);
        if (!report.committed() || !report.errors().isEmpty()) {
            throw new IllegalStateException("import refused: " + report.errors().subList(0, Math.min(5, report.errors().size())));
        }
        System.out.printf(Locale.ROOT, "  %-40s %6.1f s  created %,d updated %,d  heap growth: live %4d MB, sampled %4d MB%n",
                label, seconds, report.created(), report.updated(), (liveMax.get() - baseline) / (1024 * 1024),
                (sampledMax.get() - baseline) / (1024 * 1024));
    }

    /** Heap in use after each collection while the import runs. */
    static List<Runnable> watch(AtomicLong liveMax) {
        List<Runnable> stops = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            javax.management.NotificationListener listener = (n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    liveMax.accumulateAndGet(after, Math::max);
                }
            };
            emitter.addNotificationListener(listener, null, null);
            stops.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (Exception ignored) {
                    // already gone
                }
            });
        }
        return stops;
    }

    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A city-wide sheet: every row names its 区县; half the rows carry an ID number. */
    static Path sheet(int rows, List<String> districts, int offset) throws Exception {
        Path file = Files.createTempFile("qn-registry-bench", ".xlsx");
        try (ExcelWriter writer = FastExcel.write(file.toFile())
                .head(WorkerSheet.head(WorkerSheet.COLUMNS, WorkerSheet.TITLE, "区县：  填报人：  联系电话：")).build()) {
            WriteSheet sheet = FastExcel.writerSheet("一线医护人员").build();
            List<List<Object>> chunk = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                int n = offset + i;
                List<Object> r = new ArrayList<>(List.of(i, "重庆市基准医院", "医护" + n, i % 2 == 0 ? "女" : "男", "护士",
                        "湖北省武汉市某医院", "重庆市某区某路" + n + "号", String.format("139%08d", n), String.format("137%08d", n),
                        "", "", "", i % 3 == 0 ? "是" : "否", i % 4 == 0 ? "第二批" : "第一批", "", "",
                        districts.get(i % districts.size()), i % 2 == 0 ? idNumber(n) : ""));
                chunk.add(r);
                if (chunk.size() == 5_000) {
                    writer.write(chunk, sheet);
                    chunk.clear();
                }
            }
            writer.write(chunk, sheet);
        }
        return file;
    }

    static String idNumber(int n) {
        String body = String.format("50010119%09d", n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static <T> T as(OrgUnit org, java.util.function.Supplier<T> call) {
        StaffPrincipal p = new StaffPrincipal(1L, "admin", "基准", org.getId(), org.getPath(),
                EnumSet.of(StaffRole.SUPER_ADMIN), false, "bench");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_SUPER_ADMIN"))));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
