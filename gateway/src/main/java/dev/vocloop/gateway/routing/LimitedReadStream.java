package dev.vocloop.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails as soon as more than {@code limit} bytes have come in, so that a body
 * without Content-Length (chunked) is refused with 413 without being read in full.
 */
final class LimitedReadStream implements ReadStream<Buffer> {

    /** Raised into the pipe when the body grows past the limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("request body too large", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedReadStream(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                source.pause();
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new TooLargeException());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
