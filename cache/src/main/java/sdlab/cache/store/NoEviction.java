package sdlab.cache.store;

/** {@code noeviction}: never evicts; writes that need memory fail with an OOM error instead. */
record NoEviction() implements EvictionPolicy {
    @Override
    public String name() {
        return "noeviction";
    }

    @Override
    public Entry selectVictim(EvictionView view) {
        return null;
    }
}
