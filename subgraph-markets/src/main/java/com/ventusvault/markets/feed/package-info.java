/** The in-process simulated market feed: ticks on a Reactor interval, persists them, resumes from them. */
package com.ventusvault.markets.feed;
