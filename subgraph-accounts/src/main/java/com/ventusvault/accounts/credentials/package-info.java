/** Password hashing (Argon2id), kept off the event loop because every hash costs tens of milliseconds of CPU. */
package com.ventusvault.accounts.credentials;
