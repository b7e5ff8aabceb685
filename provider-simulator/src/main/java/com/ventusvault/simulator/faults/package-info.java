/** Fault injection: latency, error statuses and dropped connections per provider and operation. */
package com.ventusvault.simulator.faults;
