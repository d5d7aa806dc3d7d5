package sdlab.traffic.balance;

import java.util.List;

/**
 * How an upstream chooses among its available servers (a Strategy). {@code keyHash} is the hash
 * of the request's balancing key, used by key-based policies and ignored by the others.
 */
public interface LoadBalancer {

    /** One of {@code servers}, which is non-empty. */
    <S extends Backend> S pick(List<S> servers, long keyHash);
}
