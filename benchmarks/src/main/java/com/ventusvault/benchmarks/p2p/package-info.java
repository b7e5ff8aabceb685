/**
 * The P2P load harness (issue 4, point 10): not a JMH benchmark but a plain {@code main} that drives a running stack
 * over HTTP, through the gateway and straight to the payments subgraph, at fixed concurrency for a fixed duration.
 */
package com.ventusvault.benchmarks.p2p;
