package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

import dev.tollgate.testing.ApiClient;
import dev.tollgate.testing.ApiResponse;
import dev.tollgate.testing.TollgateProcess;

/**
 * A packaged Tollgate on its embedded H2 file, in a folder on a small file system of its own (a
 * tmpfs), which is then filled up by something else: writes are refused with 503 and the reason,
 * reads are still served, health says DOWN and why, and once space is freed writes are taken
 * again, without a restart. H2 itself never meets the full disk (it would close the database).
 */
class DataFolderFullIT {

    private static final String SIZE = "160m";
    private static final long RESERVE_MB = 48;

    private Path mount;
    private TollgateProcess tollgate;

    @BeforeEach
    void smallFileSystem() throws Exception {
        mount = Files.createTempDirectory("tollgate-small-disk-");
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(mounting.getInputStream().readAllBytes());
        if (mounting.waitFor() != 0) {
            String message = "Mounting a tmpfs needs root (or CAP_SYS_ADMIN): run the tests as root, as .ci/run does ("
                    + output.strip() + ")";
            Files.delete(mount);
            mount = null;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true, so this fails instead of skipping)");
            }
            Assumptions.abort(message);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (tollgate != null) {
            tollgate.close();
        }
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void a_full_data_folder_refuses_writes_serves_reads_and_recovers_when_space_is_freed() throws Exception {
        tollgate = TollgateProcess.start(TollgateProcess.jar(), mount,
                List.of("--tollgate.storage.min-free=" + RESERVE_MB + "MB"), ApiClient.BOOTSTRAP_TOKEN);
        ApiClient api = new ApiClient(URI.create(tollgate.url()).getPort());
        api.put("/api/v1/teams/disks").asAdmin().json("{\"name\": \"Disks\"}").send().expectStatus(201);
        api.put("/api/v1/services/archive").asAdmin().json("{\"team\": \"disks\", \"stages\": [\"prod\"]}").send().expectStatus(201);
        writeOnePoint(api).expectStatus(200);

        Path filler = mount.resolve("filler");
        fillLeaving(filler, (RESERVE_MB / 2) * 1_048_576);

        // The folder is looked at once a second: writes may be taken until then, and are counted.
        int[] taken = { 1 };
        ApiResponse refused = eventually(() -> {
            ApiResponse response = writeOnePoint(api);
            taken[0] += response.status() == 200 ? 1 : 0;
            return response;
        }, response -> response.status() == 503);
        refused.expectProblem(503);
        assertThat(refused.json().path("detail").asString()).contains("data folder", "reserve", "tollgate.storage.min-free");
        assertThat(refused.header("Retry-After")).isNotBlank();
        api.put("/api/v1/teams/more-disks").asAdmin().json("{\"name\": \"More disks\"}").send().expectProblem(503);
        api.post("/api/v1/deployments").asAdmin().json(
                "{\"service\": \"archive\", \"stage\": \"prod\", \"version\": \"1.0\", \"status\": \"SUCCEEDED\"}")
                .send().expectProblem(503);
        ApiResponse gate = api.post("/api/v1/gate-evaluations").asAdmin()
                .json("{\"service\": \"archive\", \"stage\": \"prod\", \"version\": \"1.0\"}").send().expectProblem(503);
        assertThat(gate.json().path("verdict").asString()).as("a gate that cannot keep its record").isEqualTo("STOP");
        assertThat(gate.json().path("recorded").asBoolean(true)).isFalse();
        assertThat(gate.json().path("reason").asString()).contains("data folder");

        assertThat(count(api)).as("reads are served; the refused points are not there").isEqualTo(taken[0]);
        api.get("/api/v1/teams/disks").asAdmin().send().expectStatus(200);
        api.get("/api/v1/teams/more-disks").asAdmin().send().expectProblem(404);
        ApiResponse health = api.get("/actuator/health").send().expectStatus(503);
        assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
        assertThat(health.json().path("components").path("dataFolder").path("status").asString()).isEqualTo("DOWN");
        assertThat(health.json().path("components").path("dataFolder").path("description").asString()).contains("reserve");

        Files.delete(filler);
        eventually(() -> writeOnePoint(api), response -> response.status() == 200);
        assertThat(count(api)).isEqualTo(taken[0] + 1);
        api.put("/api/v1/teams/more-disks").asAdmin().json("{\"name\": \"More disks\"}").send().expectStatus(201);
        assertThat(api.get("/actuator/health").send().expectStatus(200).json().path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void a_read_only_data_folder_refuses_writes_and_says_so() throws Exception {
        Process remount = new ProcessBuilder("mount", "-o", "remount,ro", mount.toString()).inheritIO().start();
        assertThat(remount.waitFor()).as("remounting the tmpfs read-only").isZero();
        DataFolder folder = new DataFolder(mount, "jdbc:h2:file:" + mount + "/tollgate",
                new StorageProperties(DataSize.ofMegabytes(RESERVE_MB)));

        assertThat(folder.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("read-only"));
        assertThat(new DataFolderHealthIndicator(folder).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new DataFolder(mount, "jdbc:postgresql://localhost/tollgate", new StorageProperties(DataSize.ofMegabytes(1)))
                .refusal()).as("on PostgreSQL the data folder is not watched").isEmpty();
    }

    private static ApiResponse writeOnePoint(ApiClient api) {
        return api.post("/api/v1/metrics").asAdmin()
                .json("[{\"metric\": \"stored\", \"service\": \"archive\", \"stage\": \"prod\", \"value\": 1}]").send();
    }

    private static long count(ApiClient api) {
        return api.get("/api/v1/metrics/aggregate?metric=stored&service=archive&stage=prod&aggregation=count&from="
                + java.time.Instant.now().minus(Duration.ofHours(1))).asAdmin().send().expectStatus(200).json()
                .path("count").asLong();
    }

    /** Another program filling the disk: a file that leaves {@code free} bytes. */
    private void fillLeaving(Path filler, long free) throws IOException {
        long size = Files.getFileStore(mount).getUsableSpace() - free;
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                file.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /** The first answer that {@code done} accepts, asking again for up to ten seconds. */
    private static ApiResponse eventually(Supplier<ApiResponse> call, java.util.function.Predicate<ApiResponse> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ApiResponse response = call.get();
        while (!done.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = call.get();
        }
        return response;
    }
}
