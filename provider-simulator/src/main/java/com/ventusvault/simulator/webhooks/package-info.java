/** Signed webhook delivery, per provider scheme. */
package com.ventusvault.simulator.webhooks;
