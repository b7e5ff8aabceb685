/**
 * Single-use tokens mailed to users (stored as SHA-256 hashes only) and email verification built on them; password
 * reset uses the same tokens with their own purpose.
 */
package com.ventusvault.accounts.verification;
