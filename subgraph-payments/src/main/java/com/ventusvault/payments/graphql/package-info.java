/** The payments GraphQL API: mutations, entity resolution for federation, and batched nested fields. */
package com.ventusvault.payments.graphql;
