/**
 * Sessions: registration and login (with throttling, lockout and the second factor), refresh-token families that
 * rotate on every exchange and die as a whole when an old token is replayed, logout, logout everywhere, and
 * new-device notices.
 */
package com.ventusvault.accounts.sessions;
