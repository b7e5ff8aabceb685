/**
 * The provider simulator: Paystack and Flutterwave stand-ins for local runs and tests (see the module README for the
 * endpoints, the accounts that do not exist or fail, and the fault API).
 */
package com.ventusvault.simulator;
