/** The append-only audit log of security-relevant and money-moving actions, readable by ADMIN. */
package com.ventusvault.accounts.audit;
