/** The accounts subgraph's GraphQL surface: {@code me}, {@code register}, {@code login} and the User entity. */
package com.ventusvault.accounts.graphql;
