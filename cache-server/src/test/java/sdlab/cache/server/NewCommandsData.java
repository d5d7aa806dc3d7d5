package sdlab.cache.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.params.GetExParams;

/**
 * Writes with the commands of issue 11 whose log form differs from what arrived (SPOP,
 * INCRBYFLOAT, GETEX, GETDEL ...) or that move data between keys, all under {@code new:}, and
 * describes those keys so that two servers can be compared after one loaded the other's AOF.
 */
final class NewCommandsData {
    private static final String PREFIX = "new:";

    private NewCommandsData() {}

    static void write(Jedis jedis) {
        jedis.set("new:s", "hello");
        jedis.getEx("new:s", GetExParams.getExParams().ex(1000));
        jedis.setrange("new:s", 1, "EY");
        jedis.getSet("new:gs", "v");
        jedis.set("new:gone", "v");
        jedis.getDel("new:gone");
        jedis.incrByFloat("new:f", 10.5);
        jedis.incrByFloat("new:f", 0.1);
        jedis.msetnx("new:m1", "1", "new:m2", "2");
        jedis.setbit("new:b", 9, true);
        jedis.bitop(BitOP.NOT, "new:nb", "new:b");
        jedis.hset("new:h", Map.of("a", "1", "b", "2"));
        jedis.hsetnx("new:h", "c", "3");
        jedis.hincrBy("new:h", "a", 5);
        jedis.hincrByFloat("new:h", "f", 2.25);
        jedis.sadd("new:set", "a", "b", "c", "d", "e", "f");
        jedis.spop("new:set");
        jedis.spop("new:set", 2);
        jedis.sadd("new:two", "x", "y");
        jedis.spop("new:two", 5);
        jedis.sadd("new:other", "a", "b", "z");
        jedis.sinterstore("new:inter", "new:set", "new:other");
        jedis.sunionstore("new:union", "new:set", "new:other");
        jedis.smove("new:other", "new:moved", "z");
        jedis.rename("new:m1", "new:renamed");
        jedis.renamenx("new:m2", "new:renamednx");
        jedis.copy("new:h", "new:hcopy", false);
        jedis.copy("new:s", "new:scopy", true);
        writeInOtherDatabases(jedis);
        writeHyperLogLogs(jedis);
    }

    /** A sparse and a dense HyperLogLog, a cached estimate (PFCOUNT is logged) and a merge. */
    private static void writeHyperLogLogs(Jedis jedis) {
        jedis.pfadd("new:hll", "a", "b", "c");
        jedis.pfcount("new:hll");
        String[] many = new String[5000];
        Arrays.setAll(many, i -> "e" + i);
        jedis.pfadd("new:hlldense", many);
        jedis.pfmerge("new:hllmerged", "new:hll", "new:hlldense");
        jedis.pfcount("new:hllmerged");
    }

    /** MOVE, SWAPDB, COPY ... DB and writes after SELECT: the log must say which database each change is in. */
    private static void writeInOtherDatabases(Jedis jedis) {
        jedis.set("new:tomove", "m");
        jedis.pexpire("new:tomove", 5_000_000);
        jedis.move("new:tomove", 3);
        jedis.copy("new:h", "new:h", 7, false);
        jedis.select(5);
        jedis.set("new:in5", "five");
        jedis.rpush("new:list5", "a", "b");
        jedis.swapDB(5, 6);
        jedis.select(6);
        jedis.rpush("new:list5", "c");
        jedis.select(0);
    }

    /** Every {@code new:} key of every database with its type, value (members sorted) and absolute expiry. */
    static Map<String, String> describe(Jedis jedis) {
        Map<String, String> keys = new TreeMap<>();
        for (int db = 0; db < 16; db++) {
            jedis.select(db);
            describeDatabase(jedis, "db" + db + " ", keys);
        }
        jedis.select(0);
        return keys;
    }

    private static void describeDatabase(Jedis jedis, String prefix, Map<String, String> keys) {
        for (String key : jedis.keys(PREFIX + "*")) {
            String value =
                    switch (jedis.type(key)) {
                        case "string" -> stringValue(jedis, key);
                        case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
                        case "set" -> new TreeSet<>(jedis.smembers(key)).toString();
                        case "list" -> jedis.lrange(key, 0, -1).toString();
                        default -> "?";
                    };
            keys.put(prefix + key, jedis.type(key) + " " + value + " expires " + jedis.pexpireTime(key));
        }
    }

    /** The value, in hex if it is a HyperLogLog, whose bytes are not text. */
    private static String stringValue(Jedis jedis, String key) {
        byte[] bytes = jedis.get(key.getBytes(StandardCharsets.UTF_8));
        boolean hyperLogLog = new String(bytes, StandardCharsets.ISO_8859_1).startsWith("HYLL");
        return hyperLogLog ? HexFormat.of().formatHex(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Deletes the {@code new:} keys of every database, leaving what other tests wrote. */
    static void delete(Jedis jedis) {
        for (int db = 15; db >= 0; db--) {
            jedis.select(db);
            List<String> keys = new ArrayList<>(jedis.keys(PREFIX + "*"));
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
        }
    }
}
