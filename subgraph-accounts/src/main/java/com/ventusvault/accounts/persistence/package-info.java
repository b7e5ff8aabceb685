/** The {@code accounts.users} table through R2DBC with explicit SQL; migrations live in {@code db/migration/accounts}. */
package com.ventusvault.accounts.persistence;
