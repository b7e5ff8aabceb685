/** Typed configuration of the markets subgraph. */
package com.ventusvault.markets.config;
