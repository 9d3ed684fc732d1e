package app.outlay.cli.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * The settings file, {@code $XDG_CONFIG_HOME/outlay/config} (by default {@code ~/.config/outlay/config}).
 * It holds a token, so it is written readable by its owner only (0600, in a 0700 directory), and replaced
 * atomically so that a crash never leaves half a file.
 */
public final class ConfigFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;

    private ConfigFile(Path path) {
        this.path = path;
    }

    /** The settings file for this environment ({@code XDG_CONFIG_HOME}, else {@code HOME}). */
    public static ConfigFile in(Map<String, String> env) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path base = configHome != null && !configHome.isBlank()
                ? Path.of(configHome)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ConfigFile(base.resolve("outlay").resolve("config"));
    }

    public Path path() {
        return path;
    }

    /** The stored settings; empty when there is no file yet. */
    public Settings read() {
        if (!Files.exists(path)) {
            return Settings.empty();
        }
        var properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return new Settings(properties.getProperty("server"), properties.getProperty("token"),
                properties.getProperty("token-id"), properties.getProperty("username"), properties.getProperty("ledger"));
    }

    public void write(Settings settings) {
        var properties = new Properties();
        put(properties, "server", settings.server());
        put(properties, "token", settings.token());
        put(properties, "token-id", settings.tokenId());
        put(properties, "username", settings.username());
        put(properties, "ledger", settings.ledger());
        try {
            var text = new StringWriter();
            properties.store(text, "Outlay command-line client: written by outlay login, logout and ledger use");
            Path dir = path.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, permissions("rwx------"));
            }
            Path temporary = Files.createTempFile(dir, "config", ".tmp", permissions("rw-------"));
            Files.writeString(temporary, text.toString());
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    private static void put(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    private static FileAttribute<?>[] permissions(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
