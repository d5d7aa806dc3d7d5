package sdlab.cache.server;

import java.util.Map;

/** {@link RedisDifferentialTest}'s scripts for commands on keys of any type. */
final class KeyScripts {
    private KeyScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "rename",
                """
                SET a 1
                RENAME a b
                GET b
                RENAME a b
                RENAMENX a b
                RENAME b b
                RENAMENX b b
                SET c 2
                RENAMENX b c
                RPUSH l x
                RENAME l c
                TYPE c
                SET t v EX 100
                RENAME t u
                TTL u
                RENAME""");
        s.put(
                "copy",
                """
                SET a 1 EX 100
                COPY a b
                TTL b
                COPY a b
                COPY a b REPLACE
                COPY a a
                COPY missing b
                COPY a c DB 0
                COPY a c DB x
                COPY a c FOO
                COPY a c DB
                SADD s x y
                COPY s s2
                SREM s x
                SCARD s2
                HSET h f v
                COPY h h2
                HGETALL h2
                RPUSH l 1 2 3
                COPY l l2
                LPOP l
                LRANGE l2 0 -1""");
        s.put(
                "touch-randomkey-expiretime",
                """
                RANDOMKEY
                SET a 1
                RANDOMKEY
                TOUCH a b a
                TOUCH
                EXPIRETIME a
                PEXPIRETIME a
                EXPIRETIME missing
                PEXPIREAT a 33177117420000
                PEXPIRETIME a
                EXPIRETIME a
                PEXPIREAT a 33177117420499
                EXPIRETIME a
                PEXPIREAT a 33177117420500
                EXPIRETIME a""");
        s.put(
                "object",
                """
                SET i 12
                SET neg -5
                SET big 12345
                SET s hello
                SET r aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                SET e aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                OBJECT ENCODING i
                OBJECT ENCODING neg
                OBJECT ENCODING s
                OBJECT ENCODING r
                OBJECT ENCODING e
                OBJECT REFCOUNT i
                OBJECT REFCOUNT big
                OBJECT REFCOUNT s
                RPUSH l a
                OBJECT ENCODING l
                HSET h f v
                OBJECT ENCODING h
                HSET hb f aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                OBJECT ENCODING hb
                SADD si 1 2 3
                OBJECT ENCODING si
                SADD sh a
                OBJECT ENCODING sh
                OBJECT ENCODING missing
                OBJECT IDLETIME missing
                OBJECT FREQ i
                OBJECT HELP
                OBJECT HELP x
                OBJECT ENCODING
                OBJECT FOO i
                OBJECT""");
    }
}
