package app.outlay.cli.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how much of a file has been sent: on a terminal a bar redrawn at most ten times a second
 * ({@code [#######.......]  42%  17.6 of 42.1 MB}), otherwise one line once it is all sent.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintStream err;
    private final long size;
    private final boolean live;
    private long sent;
    private long drawnAt;
    private boolean done;

    Progress(PrintStream err, long size, boolean live) {
        this.err = err;
        this.size = size;
        this.live = live;
    }

    /** The stream, counting what is read from it (what the HTTP client sends). */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(n);
                return n;
            }
        };
    }

    private synchronized void advance(int n) {
        if (n > 0) {
            sent += n;
        }
        long now = System.nanoTime();
        if (n < 0 || sent == size) {
            finish();
        } else if (live && now - drawnAt > EVERY_NANOS) {
            drawnAt = now;
            err.print("\r" + bar());
            err.flush();
        }
    }

    /** The last word: a full bar (on a terminal) or a plain line; once. */
    synchronized void finish() {
        if (done) {
            return;
        }
        done = true;
        if (live) {
            err.print("\r" + bar() + "  sent; the server is importing...\n");
        } else {
            err.println("Sent " + megabytes(sent) + " MB.");
        }
        err.flush();
    }

    private String bar() {
        double share = size > 0 ? Math.min(1.0, (double) sent / size) : 1.0;
        int filled = (int) Math.round(share * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  %s of %s MB", Math.round(share * 100), megabytes(sent), megabytes(size));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
