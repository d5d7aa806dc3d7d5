package sdlab.chapters.traffic.responses;

import java.time.Duration;
import sdlab.chapters.traffic.responses.ApiMessage.ApiRequest;
import sdlab.chapters.traffic.responses.ApiMessage.ApiResponse;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;

/**
 * A client of the API with a backlog: at its start moment it has {@code tasks} requests to
 * get done and works through them with a few workers, each with one request in flight. After a
 * 429 the worker waits as its {@link RetryPolicy} says and tries again, up to
 * {@code attemptsMax} attempts, then gives the request up.
 */
final class ApiClient implements Client {

    /**
     * How a client is set up.
     *
     * @param server the API
     * @param workers requests in flight at once
     * @param tasks requests to get done
     * @param startNanos when the backlog arrives
     * @param attemptsMax attempts per request, at most
     * @param policy what to do after a 429
     * @param skewMillis how far this client's wall clock is from the server's
     */
    record Setup(
            NodeId server,
            int workers,
            int tasks,
            long startNanos,
            int attemptsMax,
            RetryPolicy policy,
            long skewMillis) {}

    /** The backlog arrives. */
    record Start() implements Timer {}

    /** Time for {@code worker} to send (again). */
    record Send(int worker) implements Timer {}

    /** One request in progress: when its first attempt went out and which attempt is next or in flight. */
    private record Task(long startedAtNanos, int attempt) {}

    private final Setup setup;
    private final ResponsesTally tally;
    private final Task[] inProgress;
    private int tasksTaken;
    private long requestsSent;
    private long holdUntilNanos;

    ApiClient(Setup setup, ResponsesTally tally) {
        this.setup = setup;
        this.tally = tally;
        this.inProgress = new Task[setup.workers()];
    }

    @Override
    public void onStart(ClientContext ctx) {
        ctx.setTimer(Duration.ofNanos(setup.startNanos()), new Start());
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        throw new IllegalStateException("a client works through its own backlog; it runs no workload operations");
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case Start start -> {
                for (int worker = 0; worker < setup.workers(); worker++) {
                    takeTask(worker, ctx);
                }
            }
            case Send send -> send(send.worker(), ctx);
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof ApiResponse response)) {
            throw new IllegalStateException("a client does not expect " + message);
        }
        int worker = response.worker();
        Task task = inProgress[worker];
        long now = ctx.nowNanos();
        if (response.status() == 200) {
            tally.taskDone(now - task.startedAtNanos(), now);
            paceByQuota(response, now);
            takeTask(worker, ctx);
            return;
        }
        if (task.attempt() >= setup.attemptsMax()) {
            tally.taskAbandoned();
            takeTask(worker, ctx);
            return;
        }
        long waitNanos = setup.policy()
                .waitNanos(response, task.attempt(), RetryTime.epochMillis(now, setup.skewMillis()), ctx.random());
        if (setup.policy().holdsWholeClient()) {
            holdUntilNanos = Math.max(holdUntilNanos, now + waitNanos);
        }
        inProgress[worker] = new Task(task.startedAtNanos(), task.attempt() + 1);
        sendAfter(worker, waitNanos, ctx);
    }

    private void takeTask(int worker, ClientContext ctx) {
        if (tasksTaken == setup.tasks()) {
            inProgress[worker] = null;
            return;
        }
        tasksTaken++;
        inProgress[worker] = new Task(ctx.nowNanos(), 1);
        send(worker, ctx);
    }

    private void send(int worker, ClientContext ctx) {
        long now = ctx.nowNanos();
        if (now < holdUntilNanos) {
            sendAfter(worker, holdUntilNanos - now, ctx);
            return;
        }
        Task task = inProgress[worker];
        ctx.send(setup.server(), new ApiRequest(++requestsSent, worker, task.attempt()));
    }

    private void sendAfter(int worker, long waitNanos, ClientContext ctx) {
        if (waitNanos == 0) {
            send(worker, ctx);
        } else {
            ctx.setTimer(Duration.ofNanos(waitNanos), new Send(worker));
        }
    }

    /** A client that reads the RateLimit field holds its requests while the quota is used up. */
    private void paceByQuota(ApiResponse response, long now) {
        if (!setup.policy().pacesByRateLimitField()) {
            return;
        }
        response.header("RateLimit").flatMap(Headers::quota).ifPresent(quota -> {
            if (quota.remaining() == 0) {
                holdUntilNanos = Math.max(
                        holdUntilNanos,
                        now + Duration.ofSeconds(quota.seconds()).toNanos());
            }
        });
    }
}
