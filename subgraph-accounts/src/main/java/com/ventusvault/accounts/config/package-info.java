/** Wiring of the accounts app: token keys and issuer, password hashing, and local verification of its own tokens. */
package com.ventusvault.accounts.config;
