/** In-memory transfers and charges of both simulated providers, and their delayed completion. */
package com.ventusvault.simulator.transfers;
