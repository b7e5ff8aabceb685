/** Registration and login: the two ways to obtain a session (a signed access token for a user). */
package com.ventusvault.accounts.sessions;
