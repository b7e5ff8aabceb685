package com.ventusvault.markets.trading;

import com.ventusvault.platform.database.WakeUpLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Asks payments again, every {@code trading.resume-after}, about trades that were claimed but never answered (payments
 * was down, or markets stopped between asking and recording): payments answers a trade id the same way every time, so
 * the trade ends COMPLETED or FAILED without the client having to repeat the call.
 */
@Component
class TradeResumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradeResumer.class);

    private final WakeUpLoop loop;

    TradeResumer(Trading trading, TradingProperties properties) {
        this.loop = new WakeUpLoop("Resuming unanswered trades", properties.resumeAfter(), Flux.never(),
                () -> trading.resumeUnanswered()
                        .doOnNext(trade -> log.info("Trade {} resumed: {}", trade.id(), trade.status()))
                        .then());
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
