package app.outlay.importer;

import java.time.LocalDate;

/**
 * How many expenses with each (date, amount, description) a ledger held before an import: a multiset of
 * 128-bit fingerprints in flat primitive arrays (20 bytes a slot, about 27 MB for a million rows), so a
 * ledger of millions never becomes millions of objects. Two different rows share a fingerprint with a
 * probability near 2^-100 per pair.
 */
final class HeldRows {
    private final long[] dateAndAmount;
    private final long[] descriptions;
    private final int[] counts;
    private final int capacity;
    private final long expected;

    /** Room for {@code expected} distinct rows at a load of at most three quarters. */
    HeldRows(long expected) {
        this.expected = expected;
        this.capacity = (int) Math.min(1 << 29, expected / 3 * 4 + 16);
        this.dateAndAmount = new long[capacity];
        this.descriptions = new long[capacity];
        this.counts = new int[capacity];
    }

    /** How many rows the ledger held (as many as the constructor expected): at most this many rows are duplicates. */
    long count() {
        return expected;
    }

    void add(LocalDate date, long amount, String description) {
        long a = first(date, amount);
        long b = second(description);
        int slot = slot(a, b);
        dateAndAmount[slot] = a;
        descriptions[slot] = b;
        counts[slot]++;
    }

    /** Whether an equal row is held and not yet matched; if so it is matched now (counted once). */
    boolean take(LocalDate date, long amount, String description) {
        long a = first(date, amount);
        long b = second(description);
        int slot = slot(a, b);
        if (counts[slot] == 0) {
            return false;
        }
        counts[slot]--;
        return true;
    }

    /** The slot holding this fingerprint, or the empty one where it belongs. A slot once used stays used. */
    private int slot(long a, long b) {
        int i = (int) Long.remainderUnsigned(mix(a ^ b * 31), capacity);
        while ((dateAndAmount[i] != 0 || descriptions[i] != 0) && (dateAndAmount[i] != a || descriptions[i] != b)) {
            i = i + 1 == capacity ? 0 : i + 1;
        }
        return i;
    }

    private static long first(LocalDate date, long amount) {
        long h = mix(date.toEpochDay() * 0x9E3779B97F4A7C15L + amount);
        return h == 0 ? 1 : h; // zero marks an empty slot
    }

    /** FNV-1a over the UTF-16 units, then mixed. */
    private static long second(String description) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < description.length(); i++) {
            h ^= description.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ description.length());
    }

    /** The finaliser of SplitMix64: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
