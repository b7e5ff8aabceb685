/**
 * Credentials and the defences around them: password hashing (Argon2id, off the event loop), random secrets and
 * their stored digests, login throttling per account and client IP, and account lockout after failures in a row.
 */
package com.ventusvault.accounts.credentials;
