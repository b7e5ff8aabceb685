/** Insights about a user's money, computed from wallet balances now and at the previous look; plain Java. */
package com.ventusvault.ai.domain;
