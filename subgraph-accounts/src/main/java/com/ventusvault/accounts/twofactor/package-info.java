/**
 * TOTP two-factor authentication (RFC 6238): setup through an otpauth URI, confirmation, recovery codes, SMS login
 * codes, and the second-factor check at login. Secrets given out are shown once; codes are stored as digests.
 */
package com.ventusvault.accounts.twofactor;
