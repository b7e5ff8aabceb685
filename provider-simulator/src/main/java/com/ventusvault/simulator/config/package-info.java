/** The simulator's settings. */
package com.ventusvault.simulator.config;
