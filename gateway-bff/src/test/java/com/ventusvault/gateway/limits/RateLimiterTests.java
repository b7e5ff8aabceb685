package com.ventusvault.gateway.limits;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets with a hand-driven clock: bursts, refill, the tighter bucket, bounded memory. */
class RateLimiterTests {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private RateLimiter limiter(long perIp, long perUser, int maxKeys) {
        return new RateLimiter(new LimitsProperties.RateProperties(true,
                new LimitsProperties.BucketProperties(perIp, Duration.ofMinutes(1)),
                new LimitsProperties.BucketProperties(perUser, Duration.ofMinutes(1)), maxKeys), clock);
    }

    @Test
    void aBurstOfCapacityPassesThenTheNextWaitsForItsToken() {
        RateLimiter limiter = limiter(3, 100, 10);
        assertThat(List.of(limiter.admit("ip", null), limiter.admit("ip", null), limiter.admit("ip", null)))
                .extracting(RateDecision::remaining).containsExactly(2L, 1L, 0L);
        RateDecision refused = limiter.admit("ip", null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20); // 3 a minute: one every 20 s
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.admit("ip", null).allowed()).isTrue();
        assertThat(limiter.admit("other-ip", null).remaining()).isEqualTo(2);
    }

    @Test
    void theUserBucketLimitsAUserAcrossAddressesAndTheTighterBucketIsReported() {
        RateLimiter limiter = limiter(10, 2, 10);
        RateDecision first = limiter.admit("ip-1", "sub:u");
        assertThat(first.limit()).isEqualTo(2);
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(limiter.admit("ip-2", "sub:u").allowed()).isTrue();
        RateDecision third = limiter.admit("ip-3", "sub:u");
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
        assertThat(limiter.admit("ip-3", "sub:someone-else").allowed()).isTrue();
    }

    @Test
    void inventedUsersDoNotEscapeTheAddressBucket() {
        RateLimiter limiter = limiter(2, 100, 10);
        assertThat(limiter.admit("ip", "sub:a").allowed()).isTrue();
        assertThat(limiter.admit("ip", "sub:b").allowed()).isTrue();
        assertThat(limiter.admit("ip", "sub:c").allowed()).isFalse();
    }

    @Test
    void theTableStaysBoundedDroppingIdleBucketsFirst() {
        BucketTable table = new BucketTable(new LimitsProperties.BucketProperties(5, Duration.ofMinutes(1)), 3, clock);
        table.take("busy");
        table.take("idle");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos()); // both full again
        table.take("busy");
        table.take("busy"); // busy has 3 left, idle is full (no state worth keeping)
        table.take("new-1");
        table.take("new-2"); // the table is full: the idle bucket goes, not the busy one
        assertThat(table.take("busy").getRemainingTokens()).isEqualTo(2);
        for (int i = 0; i < 50; i++) {
            table.take("flood-" + i);
        }
        assertThat(table.size()).isLessThanOrEqualTo(3);
    }
}
