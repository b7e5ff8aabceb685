/**
 * Stages 2 and 4: {@link com.ventusvault.schema.composition.validation.SubgraphValidator} checks one subgraph's
 * {@code @key}/{@code @requires}/{@code @provides}/{@code @external}/{@code @override};
 * {@link com.ventusvault.schema.composition.validation.SupergraphValidator} checks the merged result (interface
 * implementations, reachability).
 */
package com.ventusvault.schema.composition.validation;
