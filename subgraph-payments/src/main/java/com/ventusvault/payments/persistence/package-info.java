/** PostgreSQL access over R2DBC with explicit SQL: accounts, transfers, the journal, and the posting transaction. */
package com.ventusvault.payments.persistence;
