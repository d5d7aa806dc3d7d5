package sdlab.chapters.traffic.tlsreuse;

import sdlab.core.Timer;

/** The gateway's timer for the start of the rolling restart. */
record DeployStart() implements Timer {}
