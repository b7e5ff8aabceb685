/**
 * What the load harnesses share: GraphQL over HTTP for load ({@link com.ventusvault.benchmarks.load.GraphQlHttp}),
 * funded users made through the gateway ({@link com.ventusvault.benchmarks.load.FundedUsers}), arguments.
 */
package com.ventusvault.benchmarks.load;
