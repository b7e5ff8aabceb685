/** The markets subgraph's GraphQL layer: rate, rates and Rate entity resolution. */
package com.ventusvault.markets.graphql;
