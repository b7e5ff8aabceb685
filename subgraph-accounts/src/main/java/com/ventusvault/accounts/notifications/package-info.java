/** SMS and email to users: queued with the action that causes them, delivered after commit, kept for staff to read. */
package com.ventusvault.accounts.notifications;
