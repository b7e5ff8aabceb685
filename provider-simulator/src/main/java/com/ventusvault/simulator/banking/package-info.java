/** The simulated banks and account register both providers resolve against. */
package com.ventusvault.simulator.banking;
