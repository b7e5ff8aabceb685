/**
 * What staff do to other users' accounts: look a user up by email, set KYC status (SUPPORT or ADMIN), replace roles
 * (ADMIN). Who is staff is read from the database at the time of the action, not from the caller's token.
 */
package com.ventusvault.accounts.staff;
