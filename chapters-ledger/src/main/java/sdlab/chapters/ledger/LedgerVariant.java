package sdlab.chapters.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;
import sdlab.ledger.ConsistencyLevel;
import sdlab.ledger.TransferWay;

/** One option of chapter 1: a consistency level and a way of writing a transfer that the level supports. */
record LedgerVariant(ConsistencyLevel level, TransferWay way) {
    static final String LINEARIZABLE_READ_THEN_WRITE = "linearizable-read-then-write";
    static final String LINEARIZABLE_CAS = "linearizable-cas-retry";
    static final String LINEARIZABLE_ESCROW = "linearizable-escrow";
    static final String LINEARIZABLE_TXN = "linearizable-txn-retry";
    static final String LINEARIZABLE_ATOMIC = "linearizable-atomic";
    static final String CAUSAL_READ_THEN_WRITE = "causal-read-then-write";
    static final String CAUSAL_ESCROW = "causal-escrow";
    static final String SESSION_TOKEN_READ_THEN_WRITE = "session-token-read-then-write";
    static final String SESSION_TOKEN_ESCROW = "session-token-escrow";
    static final String SESSION_READ_THEN_WRITE = "session-read-then-write";
    static final String SESSION_ESCROW = "session-escrow";
    static final String EVENTUAL_READ_THEN_WRITE = "eventual-read-then-write";
    static final String EVENTUAL_ESCROW = "eventual-escrow";

    String name() {
        return level.label() + "-" + way.label();
    }

    /** Every level with every way it supports: compare-and-set and transactions only where the store has them. */
    static List<LedgerVariant> all() {
        List<LedgerVariant> variants = new ArrayList<>();
        for (ConsistencyLevel level : ConsistencyLevel.values()) {
            for (TransferWay way : TransferWay.values()) {
                if (!way.needsConditionalWrites() || level.conditionalWrites()) {
                    variants.add(new LedgerVariant(level, way));
                }
            }
        }
        return List.copyOf(variants);
    }

    static LedgerVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 1 has no variant '" + name + "'"));
    }

    Variant toVariant() {
        return new Variant(name(), description(), Map.of("level", level.label(), "transfer", way.label()));
    }

    private String description() {
        String store =
                switch (level) {
                    case LINEARIZABLE -> "the Raft store (ReadIndex reads)";
                    case CAUSAL ->
                        "the causal store (COPS-style), each client on its own replica, dependencies checked before a"
                                + " write shows";
                    case SESSION -> "the quorum store, R = W = 1, each client sticking to one coordinator";
                    case SESSION_TOKEN ->
                        "the causal store, any replica per operation, the client's context carried as a version token";
                    case EVENTUAL -> "the quorum store, R = W = 1, sloppy, any coordinator, last writer wins";
                };
        String transfer =
                switch (way) {
                    case READ_THEN_WRITE -> "read both balances, write both";
                    case CAS_RETRY -> "compare-and-set each balance, reading again on a lost race";
                    case ESCROW -> "debit the client's own escrow budget, write only the client's keys";
                    case TXN_RETRY ->
                        "read both balances, then one transaction conditioned on both reads, retried from what it found";
                    case ATOMIC ->
                        "one server-side transaction: if the payer holds the amount, the state machine moves it";
                };
        return store + "; " + transfer;
    }
}
