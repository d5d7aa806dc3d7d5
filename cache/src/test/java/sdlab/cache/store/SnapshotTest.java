package sdlab.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.FakeClock;

class SnapshotTest {

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSnapshotTakenWhileKeysChangeEqualsTheKeyspaceAtItsStart(long seed) {
        // Copy-on-write per key: whatever happens during the snapshot, it writes the state of its first instant.
        FakeClock clock = new FakeClock(1_000_000);
        SplittableRandom random = new SplittableRandom(seed);
        Keyspace keyspace = new Keyspace(clock, new SplittableRandom(seed), 0, EvictionSettings.defaults());
        for (int i = 0; i < 200; i++) {
            mutate(keyspace, random);
        }
        TreeMap<String, String> atStart = render(keyspace);
        TreeMap<String, String> written = new TreeMap<>();
        Snapshot snapshot = keyspace.beginSnapshot(
                (db, key, value, expireAt) -> assertThat(written.put(db + ":" + key, describe(value, expireAt)))
                        .as("written twice: " + key)
                        .isNull());
        while (!snapshot.finished()) {
            snapshot.step(3);
            for (int i = 0; i < 5; i++) {
                mutate(keyspace, random);
            }
        }
        assertThat(written).isEqualTo(atStart);
        assertThat(keyspace.snapshotRunning()).isFalse();
    }

    /**
     * One random change in one of three databases: set, append to a list, add to a set, hash or
     * sorted set, delete, expire, move to another database, swap two databases, or flush one or all.
     */
    private static void mutate(Keyspace keyspace, SplittableRandom random) {
        Database db = keyspace.db(random.nextInt(3));
        Key key = Key.of("k" + random.nextInt(40));
        Entry e = db.lookupWrite(key);
        int op = random.nextInt(100);
        if (op < 2) {
            keyspace.flushAll();
        } else if (op < 4) {
            db.flush();
        } else if (op < 7) {
            keyspace.swap(random.nextInt(3), random.nextInt(3));
        } else if (op < 12 && e != null) {
            Database target = keyspace.db(random.nextInt(3));
            if (target != db && target.lookupWrite(key) == null) {
                keyspace.move(e, target);
            }
        } else if (e == null || op < 25) {
            if (e != null) {
                keyspace.delete(e);
            }
            Value value =
                    switch (random.nextInt(5)) {
                        case 0 -> StringValue.of("s" + random.nextInt(1000));
                        case 1 -> new ListValue();
                        case 2 -> new HashValue();
                        case 3 -> new SortedSetValue(keyspace.random());
                        default -> new SetValue();
                    };
            db.add(key, value);
        } else if (op < 35) {
            keyspace.delete(e);
        } else if (op < 45) {
            keyspace.setExpiry(e, 2_000_000 + random.nextInt(1000));
        } else {
            changeInPlace(keyspace, e, random);
        }
    }

    private static void changeInPlace(Keyspace keyspace, Entry e, SplittableRandom random) {
        byte[] item = ("v" + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
        switch (e.value()) {
            case StringValue s -> keyspace.replace(e, new StringValue(item), true);
            case ListValue l -> l.pushTail(item);
            case HashValue h -> h.put(Key.wrap(item), item);
            case SetValue s -> s.add(Key.wrap(item));
            case SortedSetValue z -> z.put(Key.wrap(item), random.nextInt(10));
        }
        keyspace.valueChanged(e);
    }

    private static TreeMap<String, String> render(Keyspace keyspace) {
        TreeMap<String, String> out = new TreeMap<>();
        for (int db = 0; db < keyspace.databaseCount(); db++) {
            String prefix = db + ":";
            keyspace.db(db).forEachLive(e -> out.put(prefix + e.key(), describe(e.value(), e.expireAtMillis())));
        }
        return out;
    }

    private static String describe(Value value, long expireAt) {
        String body =
                switch (value) {
                    case StringValue s -> s.toString();
                    case ListValue l ->
                        l.range(0, l.size() - 1).stream()
                                .map(b -> new String(b, StandardCharsets.UTF_8))
                                .toList()
                                .toString();
                    case HashValue h -> h.fields().keySet().toString();
                    case SetValue s -> s.members().toString();
                    case SortedSetValue z -> {
                        StringBuilder members = new StringBuilder();
                        for (SortedSetNode n = z.first(); n != null; n = n.next()) {
                            members.append(n.member())
                                    .append('=')
                                    .append(n.score())
                                    .append(' ');
                        }
                        yield members.toString();
                    }
                };
        return value.type() + ":" + body + "@" + expireAt;
    }
}
