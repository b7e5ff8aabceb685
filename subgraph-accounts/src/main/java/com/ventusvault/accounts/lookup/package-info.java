/** Service-to-service lookups other subgraphs make over plain HTTP, outside the public GraphQL API. */
package com.ventusvault.accounts.lookup;
