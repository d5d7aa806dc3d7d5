package sdlab.core;

/**
 * A message between nodes. Each mechanism declares its messages as one sealed interface of
 * records extending this one, in one file, so that its protocol reads at a glance.
 */
public interface Message {}
