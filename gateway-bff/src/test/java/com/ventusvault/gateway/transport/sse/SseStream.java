package com.ventusvault.gateway.transport.sse;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP client reading a text/event-stream response as it arrives: events are split on blank lines, comment
 * blocks (keep-alives) are counted and skipped. Closing it drops the connection, which is how an SSE client ends a
 * subscription.
 */
final class SseStream implements AutoCloseable {

    /** One event: its {@code event} and {@code data} fields. */
    record Event(String event, String data) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<String> contentType = new CompletableFuture<>();
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder whole = new StringBuilder();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final AtomicInteger keepAlives = new AtomicInteger();
    private final Disposable connection;

    private SseStream(int port, String body, Map<String, String> headers) {
        connection = HttpClient.newConnection() // its own connection, closed when the test drops the stream
                .headers(h -> {
                    h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
                    headers.forEach(h::set);
                })
                .post().uri("http://127.0.0.1:" + port + "/graphql")
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .response((response, content) -> {
                    status.complete(response.status().code());
                    contentType.complete(response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE));
                    return content.asString();
                })
                .subscribe(this::receive, ended::completeExceptionally, () -> ended.complete(whole.toString()));
    }

    static SseStream post(int port, String body, Map<String, String> headers) {
        return new SseStream(port, body, headers);
    }

    int status() {
        return await(status);
    }

    String contentType() {
        return await(contentType);
    }

    /** The whole body once the response has ended. */
    String body() {
        return await(ended);
    }

    /** The next event that is not a keep-alive comment. */
    Event next() {
        try {
            Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + WAIT);
            }
            return event;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    int keepAlives() {
        return keepAlives.get();
    }

    boolean ended() {
        return ended.isDone();
    }

    @Override
    public void close() {
        connection.dispose();
    }

    private synchronized void receive(String chunk) {
        whole.append(chunk);
        pending.append(chunk);
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            String event = null;
            StringBuilder data = null;
            boolean comment = true;
            for (String line : block.split("\n", -1)) {
                if (line.startsWith(":")) {
                    continue;
                }
                comment = false;
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            if (comment) {
                keepAlives.incrementAndGet();
            } else {
                events.add(new Event(event, data == null ? null : data.toString()));
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
