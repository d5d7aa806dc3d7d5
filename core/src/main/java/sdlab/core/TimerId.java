package sdlab.core;

/** Identifies one scheduled timer so that it can be cancelled. */
public record TimerId(long value) {}
