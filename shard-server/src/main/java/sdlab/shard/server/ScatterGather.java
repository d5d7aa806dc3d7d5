package sdlab.shard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.core.client.Outcome;
import sdlab.resp.RespReply;
import sdlab.shard.store.ShardRouter;

/**
 * The commands that name many keys: one router operation per key, all started at once so that keys on different
 * shards are served in parallel, and one reply gathered from their outcomes in the keys' order. Nothing makes them
 * atomic: an MSET that fails on one shard has still written to the others, and its error says so.
 */
final class ScatterGather {
    private final ShardAccess store;

    ScatterGather(ShardAccess store) {
        this.store = store;
    }

    /** MGET key...: each key's value, nil for a missing one. */
    CompletableFuture<RespReply> mget(List<String> keys) {
        RespReply unfit = unfit(keys, 1);
        if (unfit != null) {
            return CompletableFuture.completedFuture(unfit);
        }
        return gets(keys).thenApply(outcomes -> {
            List<RespReply> values = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    return Replies.notOk(outcome);
                }
                values.add(Replies.bulk(ok.value()));
            }
            return RespReply.array(values);
        });
    }

    /** EXISTS key...: how many of the keys hold a value, a key named twice counted twice, as Redis counts. */
    CompletableFuture<RespReply> exists(List<String> keys) {
        RespReply unfit = unfit(keys, 1);
        if (unfit != null) {
            return CompletableFuture.completedFuture(unfit);
        }
        return gets(keys).thenApply(outcomes -> {
            long present = 0;
            for (Outcome outcome : outcomes) {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    return Replies.notOk(outcome);
                }
                present += ok.value() == null ? 0 : 1;
            }
            return RespReply.integer(present);
        });
    }

    /**
     * DEL key...: how many of the keys were there to remove. A key named twice is deleted twice and counted once, as
     * Redis counts, since the second delete finds nothing; the two run at once here, so which one counts is open.
     */
    CompletableFuture<RespReply> del(List<String> keys) {
        RespReply unfit = unfit(keys, 1);
        if (unfit != null) {
            return CompletableFuture.completedFuture(unfit);
        }
        List<CompletableFuture<Outcome>> deletes = new ArrayList<>();
        keys.forEach(key -> deletes.add(store.invoke(ShardRouter.DEL, key, null)));
        return all(deletes).thenApply(outcomes -> {
            long removed = 0;
            for (Outcome outcome : outcomes) {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    return Replies.notOk(outcome);
                }
                removed += (Long) ok.value();
            }
            return RespReply.integer(removed);
        });
    }

    /**
     * MSET key value...: every value is checked before any is sent, so a bad one writes nothing; then one put per
     * pair. OK when all are applied; otherwise which keys certainly failed and which may or may not have been written.
     */
    CompletableFuture<RespReply> mset(List<String> pairs) {
        RespReply unfit = unfit(pairs, 2);
        if (unfit != null) {
            return CompletableFuture.completedFuture(unfit);
        }
        List<CompletableFuture<Outcome>> puts = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            Long value = Replies.value(pairs.get(i + 1));
            if (value == null) {
                return CompletableFuture.completedFuture(Replies.notAValue(pairs.get(i + 1)));
            }
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            puts.add(store.invoke(ShardRouter.PUT, pairs.get(i), Replies.value(pairs.get(i + 1))));
        }
        return all(puts).thenApply(outcomes -> {
            List<String> failed = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                String key = pairs.get(2 * i);
                switch (outcomes.get(i)) {
                    case Outcome.Ok ok -> {}
                    case Outcome.Fail fail -> failed.add(key);
                    case Outcome.Unknown maybe -> unknown.add(key);
                }
            }
            if (failed.isEmpty() && unknown.isEmpty()) {
                return RespReply.OK;
            }
            String kind = unknown.isEmpty() ? "ERR" : "UNCERTAIN";
            return RespReply.error(
                    kind + " MSET is not atomic across shards: " + (outcomes.size() - failed.size() - unknown.size())
                            + " keys written, certainly not written " + failed + ", perhaps written "
                            + unknown);
        });
    }

    private CompletableFuture<List<Outcome>> gets(List<String> keys) {
        List<CompletableFuture<Outcome>> gets = new ArrayList<>();
        keys.forEach(key -> gets.add(store.invoke(ShardRouter.GET, key, null)));
        return all(gets);
    }

    private static CompletableFuture<List<Outcome>> all(List<CompletableFuture<Outcome>> legs) {
        return CompletableFuture.allOf(legs.toArray(CompletableFuture[]::new))
                .thenApply(done -> legs.stream().map(CompletableFuture::join).toList());
    }

    /** The first key too long to store among every {@code step}-th word, as a reply, or null if all fit. */
    private static RespReply unfit(List<String> words, int step) {
        for (int i = 0; i < words.size(); i += step) {
            RespReply unfit = Replies.unfitKey(words.get(i));
            if (unfit != null) {
                return unfit;
            }
        }
        return null;
    }
}
