/** The ai subgraph's GraphQL layer: User entity resolution and User.insights. */
package com.ventusvault.ai.graphql;
