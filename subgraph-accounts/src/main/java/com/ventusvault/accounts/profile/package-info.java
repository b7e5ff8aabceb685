/** A user's own profile: display name, phone and postal address. */
package com.ventusvault.accounts.profile;
