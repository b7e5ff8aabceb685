/**
 * The subscriber load harness (issue 6, point 5): not a JMH benchmark but a plain {@code main} that holds many
 * WebSocket subscriptions on a running stack's gateway and measures how long committed transfers take to reach them.
 */
package com.ventusvault.benchmarks.subscriptions;
