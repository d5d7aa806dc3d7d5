package sdlab.ledger;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A client of the ledger: takes the workload's {@code transfer [from, to, amount]} and {@code
 * audit} operations and carries each out as the store operations of its {@link TransferWay},
 * through the store's own client (Raft's or the quorum store's), which it wraps and whose
 * completions it intercepts.
 *
 * <ul>
 *   <li>transfer: {@code Ok(report)} (see {@link TransferReport}); {@code Fail} when nothing was
 *       written (declined for want of funds, or the store was unavailable); {@code Unknown} when a
 *       write may or may not have applied.
 *   <li>audit: waits {@link LedgerConfig#auditDelayMs()} for the other clients to finish and the
 *       faults to heal, then reads every balance (see {@link Audit}).
 * </ul>
 *
 * One operation at a time, as the closed-loop workload issues them.
 */
public final class LedgerClient implements Client {
    /** The workload's operation names. */
    public static final String TRANSFER = "transfer";

    public static final String AUDIT = "audit";

    /** The key of the balances (one per account, in account order) in an audit's result. */
    public static final String AUDIT_BALANCES = Audit.BALANCES;

    /** The audit's wait is over. */
    record AuditDue(long opId) implements Timer {}

    private final Client store;
    private final LedgerConfig config;
    private Tags tags;
    private EscrowBudgets budgets;
    private AccountOpening opening;
    /** Messages the store's client sent for the transfer in progress (requests, retries, redirects). */
    private long messagesSent;

    private LedgerTask task;
    private long taskOpId;
    private long storeOpIds;

    public LedgerClient(Client store, LedgerConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(ClientContext ctx) {
        // A random part keeps tags unique across lives of the same client.
        tags = new Tags(ctx.self().name() + "/" + Long.toHexString(ctx.random().nextLong() & 0xffffffL));
        store.onStart(forStore(ctx));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        if (task != null) {
            ctx.complete(invocation.opId(), Outcome.fail("one ledger operation at a time"));
            return;
        }
        switch (invocation.f()) {
            case TRANSFER -> begin(invocation.opId(), transferTask(invocation), ctx);
            case AUDIT -> ctx.setTimer(Duration.ofMillis(config.auditDelayMs()), new AuditDue(invocation.opId()));
            default -> ctx.complete(invocation.opId(), Outcome.fail("the ledger takes transfer and audit"));
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        store.onMessage(from, message, forStore(ctx));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof AuditDue due) {
            begin(due.opId(), new Audit(config, budgets, tags), ctx);
        } else {
            store.onTimer(id, timer, forStore(ctx));
        }
    }

    private LedgerTask transferTask(Invocation invocation) {
        Transfer transfer = Transfer.of(invocation.value(), config.initialBalance());
        return switch (config.way()) {
            case READ_THEN_WRITE -> new ReadThenWriteTransfer(transfer, tags);
            case CAS_RETRY -> new CasTransfer(transfer, tags, config.conflictRetriesMax());
            case ESCROW -> new EscrowTransfer(transfer, budgets(invocation.process()), tags);
            case TXN_RETRY -> new TxnRetryTransfer(transfer, tags, config.conflictRetriesMax());
            case ATOMIC -> new AtomicTransfer(transfer, tags, opening());
        };
    }

    private AccountOpening opening() {
        if (opening == null) {
            opening = new AccountOpening(config);
        }
        return opening;
    }

    private EscrowBudgets budgets(int process) {
        if (budgets == null) {
            budgets = new EscrowBudgets(process, config.accounts(), config.escrowBudget());
        }
        return budgets;
    }

    private void begin(long opId, LedgerTask newTask, ClientContext ctx) {
        task = newTask;
        taskOpId = opId;
        messagesSent = 0;
        follow(task.start(ctx.nowNanos()), ctx);
    }

    private void follow(Step step, ClientContext ctx) {
        switch (step) {
            case Step.Done done -> {
                boolean transfer = !(task instanceof Audit);
                task = null;
                ctx.complete(taskOpId, transfer ? withMessages(done.outcome()) : done.outcome());
            }
            case Step.Call call -> {
                Invocation storeOp = StoreCall.invocation(++storeOpIds, call, config.bug());
                store.onInvoke(storeOp, forStore(ctx));
            }
        }
    }

    private void onStoreCompleted(long storeOpId, Outcome outcome, ClientContext ctx) {
        if (task == null || storeOpId != storeOpIds) {
            return; // a late answer to a step already over
        }
        follow(task.next(outcome, ctx.nowNanos()), ctx);
    }

    private ClientContext forStore(ClientContext ctx) {
        return new TransferStepContext(
                ctx, (opId, outcome) -> onStoreCompleted(opId, outcome, ctx), () -> messagesSent++);
    }

    /** An acknowledged transfer's report with the messages it took added ({@link TransferReport#MESSAGES}). */
    private Outcome withMessages(Outcome outcome) {
        if (!(outcome instanceof Outcome.Ok ok) || !(ok.value() instanceof Map<?, ?> report)) {
            return outcome;
        }
        Map<Object, Object> counted = new LinkedHashMap<>(report);
        counted.put(TransferReport.MESSAGES, messagesSent);
        // In insertion order: Map.copyOf iterates in an order that changes from one JVM to the next, and the value is
        // printed into traces whose hashes must not.
        return Outcome.ok(Collections.unmodifiableMap(counted));
    }
}
