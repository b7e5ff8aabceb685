/** PostgreSQL access of the markets subgraph (R2DBC, explicit SQL); migrations in db/migration/markets. */
package com.ventusvault.markets.persistence;
