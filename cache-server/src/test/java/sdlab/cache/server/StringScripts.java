package sdlab.cache.server;

import java.util.Map;

/** {@link RedisDifferentialTest}'s scripts for the string family: ranges, bits, floats, LCS, GETEX. */
final class StringScripts {
    private StringScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "getset-getdel",
                """
                GETSET k a
                GETSET k b
                GETDEL k
                GETDEL k
                LPUSH l x
                GETSET l v
                GETDEL l
                SET t v EX 100
                GETSET t w
                TTL t""");
        s.put(
                "msetnx",
                """
                MSETNX a 1 b 2
                MSETNX b 3 c 4
                MGET a b c
                MSETNX a
                MSETNX a 1 b""");
        s.put(
                "getex",
                """
                GETEX missing EX 10
                SET k v
                GETEX k
                GETEX k EX 100
                TTL k
                GETEX k PERSIST
                TTL k
                GETEX k PX 5000 EX 10
                GETEX k EX 0
                GETEX k EX -1
                GETEX k EX abc
                GETEX k EXAT 1
                EXISTS k
                GETEX k FOO
                GETEX missing EX 0
                GETEX k KEEPTTL
                LPUSH l x
                GETEX l""");
        s.put(
                "getrange-setrange",
                """
                SET s "This is a string"
                GETRANGE s 0 3
                GETRANGE s -3 -1
                GETRANGE s 0 -1
                GETRANGE s 10 100
                GETRANGE s -1 -5
                GETRANGE s 5 3
                GETRANGE s -100 2
                SUBSTR s 0 3
                GETRANGE missing 0 -1
                GETRANGE s a 1
                SETRANGE s 5 XX
                GET s
                SETRANGE n 3 abc
                GET n
                STRLEN n
                SETRANGE e 10 ""
                EXISTS e
                SETRANGE s 0 ""
                SETRANGE s -1 x
                SETRANGE s 536870912 x
                LPUSH l x
                SETRANGE l 0 x
                GETRANGE l 0 1""");
        s.put(
                "incrbyfloat",
                """
                SET f 10.50
                INCRBYFLOAT f 0.1
                INCRBYFLOAT f -5
                SET f 5.0e3
                INCRBYFLOAT f 2.0e2
                INCRBYFLOAT g 0.1
                INCRBYFLOAT g 0.2
                INCRBYFLOAT g 1e20
                INCRBYFLOAT h 3
                INCRBYFLOAT h -3
                INCRBYFLOAT h 1.5e-10
                INCRBYFLOAT h abc
                INCRBYFLOAT h inf
                INCRBYFLOAT h 1e5000
                INCRBYFLOAT h " 1"
                INCRBYFLOAT h +.5
                INCRBYFLOAT h 5.
                SET s text
                INCRBYFLOAT s 1
                INCRBYFLOAT big 1.7e308
                INCRBYFLOAT big 1.7e308
                INCRBYFLOAT third 0.333333333333333333333
                INCRBYFLOAT third 0.333333333333333333333
                LPUSH l x
                INCRBYFLOAT l 1""");
        s.put(
                "setbit-getbit",
                """
                SETBIT b 7 1
                GET b
                SETBIT b 7 0
                SETBIT b 100 1
                STRLEN b
                GETBIT b 100
                GETBIT b 101
                GETBIT b 100000
                GETBIT missing 0
                SETBIT b -1 1
                SETBIT b 4294967296 1
                SETBIT b 0 2
                SETBIT b 0 x
                GETBIT b x
                SETBIT z 3 0
                STRLEN z
                LPUSH l x
                SETBIT l 0 1
                GETBIT l 0""");
        s.put(
                "bitcount",
                """
                SET k foobar
                BITCOUNT k
                BITCOUNT k 0 0
                BITCOUNT k 1 1
                BITCOUNT k 1 -2
                BITCOUNT k -2 -1
                BITCOUNT k -1 -2
                BITCOUNT k 5 30 BIT
                BITCOUNT k 5 30 BYTE
                BITCOUNT k -7 -1 BIT
                BITCOUNT k 0 0 FOO
                BITCOUNT k 0
                BITCOUNT k a 1
                BITCOUNT missing
                BITCOUNT missing 0
                BITCOUNT k 100 200
                SET e ""
                BITCOUNT e 0 -1""");
        s.put(
                "bitpos",
                """
                SET k \\xff\\xf0\\x00
                SETRANGE k 0 abc
                BITPOS k 0
                BITPOS k 1
                BITPOS k 1 2
                BITPOS k 0 1 -1
                BITPOS k 1 7 15 BIT
                BITPOS k 0 0 5 BIT
                BITPOS k 1 -1 -1 BIT
                BITPOS k 2
                BITPOS k 0 a
                BITPOS k 0 0 1 FOO
                BITPOS missing 0
                BITPOS missing 1
                SET ones \\xff
                SETBIT full 0 1
                SETBIT full 1 1
                SETBIT full 2 1
                SETBIT full 3 1
                SETBIT full 4 1
                SETBIT full 5 1
                SETBIT full 6 1
                SETBIT full 7 1
                BITPOS full 0
                BITPOS full 0 0
                BITPOS full 0 0 -1
                BITPOS full 0 2 BIT
                BITPOS full 0 2 7 BIT
                BITPOS full 1 5 3
                SET e ""
                BITPOS e 0
                BITPOS e 1""");
        s.put(
                "bitop",
                """
                SET a abc
                SET b a
                BITOP AND d a b
                GET d
                BITOP OR d a b
                GET d
                BITOP XOR d a b
                STRLEN d
                BITOP NOT d a
                STRLEN d
                BITOP NOT d a b
                BITOP FOO d a
                BITOP AND d missing1 missing2
                EXISTS d
                LPUSH l x
                BITOP AND d a l""");
        s.put(
                "lcs",
                """
                MSET k1 ohmytext k2 mynewtext
                LCS k1 k2
                LCS k1 k2 LEN
                LCS k1 k2 IDX
                LCS k1 k2 IDX MINMATCHLEN 4
                LCS k1 k2 IDX MINMATCHLEN 4 WITHMATCHLEN
                LCS k1 k2 IDX WITHMATCHLEN
                LCS k1 k2 LEN IDX
                LCS k1 k2 FOO
                LCS k1 k2 MINMATCHLEN
                LCS k1 missing
                LCS missing1 missing2 IDX
                LPUSH l x
                LCS k1 l""");
    }
}
