/** Changing a password, and resetting a forgotten one with a single-use token mailed to the login email. */
package com.ventusvault.accounts.passwords;
