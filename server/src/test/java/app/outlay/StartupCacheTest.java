package app.outlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/startup-cache}, which picks the start-up cache {@code outlay-server} starts with. The JVM ignores a stale
 * cache without a word, and every start is then as slow as the first: so a rebuild, a new launcher and other JVM
 * options each get a cache of their own.
 */
class StartupCacheTest {
    private static final Path SCRIPT = Path.of("..", "bin", "startup-cache").toAbsolutePath().normalize();
    private static final Path LAUNCHER = SCRIPT.getParent().resolveSibling("outlay-server");

    @TempDir
    Path dir;

    @Test
    void theCacheIsAnAotCacheFromJdk25AndAClassDataArchiveBefore() throws Exception {
        // given
        Path jar = jar(Instant.now());

        // when / then
        assertThat(cacheFor(jar, 25, null)).isEqualTo(Path.of(jar + ".aot"));
        assertThat(cacheFor(jar, 21, null)).isEqualTo(Path.of(jar + ".jsa"));
    }

    @Test
    void eachValueOfOutlayJavaOptsHasACacheOfItsOwn() throws Exception {
        // given
        Path jar = jar(Instant.now());

        // when
        Path plain = cacheFor(jar, 25, null);
        Path bigHeap = cacheFor(jar, 25, "-Xmx256m");
        Path otherHeap = cacheFor(jar, 25, "-Xmx512m");

        // then
        assertThat(bigHeap).isNotEqualTo(plain).isNotEqualTo(otherHeap);
        assertThat(cacheFor(jar, 25, "-Xmx256m")).isEqualTo(bigHeap);
        assertThat(bigHeap.getFileName().toString()).startsWith("outlay-server.jar.").endsWith(".aot");
    }

    @Test
    void aCacheRecordedAfterTheJarAndTheLauncherIsKept() throws Exception {
        // given
        Path jar = jar(Instant.now().minus(Duration.ofHours(2)));
        Path cache = file(Path.of(jar + ".aot"), Instant.now().plus(Duration.ofHours(1)));

        // when
        Path picked = cacheFor(jar, 25, null);

        // then
        assertThat(picked).isEqualTo(cache).exists();
    }

    @Test
    void aCacheOlderThanTheJarIsRemovedToBeRecordedAgain() throws Exception {
        // given: the server was rebuilt after the cache was recorded
        Path jar = jar(Instant.now().plus(Duration.ofHours(2)));
        Path cache = file(Path.of(jar + ".aot"), Instant.now().plus(Duration.ofHours(1)));

        // when
        Path picked = cacheFor(jar, 25, null);

        // then
        assertThat(picked).isEqualTo(cache).doesNotExist();
    }

    @Test
    void aCacheOlderThanTheLauncherIsRemovedToBeRecordedAgain() throws Exception {
        // given: recorded after the jar was built, but with the JVM options of a launcher changed since
        Instant launcherChanged = Files.getLastModifiedTime(LAUNCHER).toInstant();
        Path jar = jar(launcherChanged.minus(Duration.ofHours(2)));
        Path cache = file(Path.of(jar + ".jsa"), launcherChanged.minus(Duration.ofHours(1)));

        // when
        Path picked = cacheFor(jar, 21, null);

        // then
        assertThat(picked).isEqualTo(cache).doesNotExist();
    }

    private Path jar(Instant built) throws IOException {
        return file(dir.resolve("outlay-server.jar"), built);
    }

    private static Path file(Path file, Instant modified) throws IOException {
        Files.writeString(file, "recorded");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /** Runs the script as the launcher does, with {@code javaOpts} as OUTLAY_JAVA_OPTS (null: unset). */
    private static Path cacheFor(Path jar, int major, String javaOpts) throws Exception {
        var process = new ProcessBuilder("sh", SCRIPT.toString(), jar.toString(), String.valueOf(major))
                .redirectErrorStream(true);
        process.environment().remove("OUTLAY_JAVA_OPTS");
        if (javaOpts != null) {
            process.environment().put("OUTLAY_JAVA_OPTS", javaOpts);
        }
        Process run = process.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(run.waitFor()).as(out).isZero();
        return Path.of(out);
    }
}
