package dev.fnguard.detect.internal;

/** Counts the characters the detectors visit, so tests can assert that work is linear. */
public final class Work {
    private long steps;

    /** @param n steps to add */
    public void add(long n) {
        steps += n;
    }

    /** @return the steps counted so far */
    public long steps() {
        return steps;
    }
}
