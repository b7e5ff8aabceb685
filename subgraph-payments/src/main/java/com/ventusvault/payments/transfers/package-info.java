/** The money-moving use cases (sendMoney, deposit): input validation, recipient lookup, exactly-once posting. */
package com.ventusvault.payments.transfers;
