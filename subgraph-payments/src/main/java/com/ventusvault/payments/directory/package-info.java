/** Who is who, as accounts knows it: the email-to-user lookup payments needs for sendMoney(toEmail). */
package com.ventusvault.payments.directory;
