/**
 * A wallet's transaction history ({@code Wallet.transactions}): keyset pages of the transfers into or out of a
 * wallet, newest first, with opaque cursors and filters, one SQL query per page.
 */
package com.ventusvault.payments.transactions;
