/** PostgreSQL access of the ai subgraph (R2DBC, explicit SQL); migrations in db/migration/ai. */
package com.ventusvault.ai.persistence;
