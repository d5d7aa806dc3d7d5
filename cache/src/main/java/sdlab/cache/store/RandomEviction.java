package sdlab.cache.store;

/** {@code allkeys-random} and {@code volatile-random}: a uniformly random key of the scope. */
record RandomEviction(EvictionScope scope) implements EvictionPolicy {
    @Override
    public String name() {
        return scope == EvictionScope.ALL_KEYS ? "allkeys-random" : "volatile-random";
    }

    @Override
    public Entry selectVictim(EvictionView view) {
        SampleArray candidates = view.candidates(scope);
        return candidates.size() == 0 ? null : candidates.random(view.random());
    }
}
