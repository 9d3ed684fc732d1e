package app.outlay.importer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The valid rows of a file, parsed, in a temporary file (about 40 bytes a row): the upload is read and checked
 * before the database is touched, so a slow client never holds the database's writer, an invalid file is
 * refused without a write, and memory stays flat whatever the file's size.
 */
final class Spool implements AutoCloseable {
    private final Path file;
    private DataOutputStream out;
    private long count;
    private LocalDate first;
    private LocalDate last;

    Spool() {
        try {
            this.file = Files.createTempFile("outlay-import-", ".rows");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(ImportRow row) {
        try {
            out.writeLong(row.line());
            out.writeLong(row.date().toEpochDay());
            out.writeLong(row.amount());
            out.writeUTF(row.type());
            out.writeUTF(row.description());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
        first = first == null || row.date().isBefore(first) ? row.date() : first;
        last = last == null || row.date().isAfter(last) ? row.date() : last;
    }

    long count() {
        return count;
    }

    /** The earliest date of a row; null when there is none. */
    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    /** Hands every row back, in the order added. */
    void forEach(Consumer<ImportRow> sink) {
        flush();
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long i = 0; i < count; i++) {
                long line = in.readLong();
                LocalDate date = LocalDate.ofEpochDay(in.readLong());
                long amount = in.readLong();
                String type = in.readUTF();
                sink.accept(new ImportRow(line, date, type, amount, in.readUTF()));
            }
        } catch (EOFException e) {
            throw new IllegalStateException("The import's spool file is shorter than written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
