package dev.vocloop.gateway.console;

import java.io.InputStream;

/**
 * A streamed API answer: {@code body} when the API said yes (the caller closes it), else
 * {@code error} with the status and problem+json already read.
 */
public record ApiStream(InputStream body, ApiResult error) {

    public boolean ok() {
        return body != null;
    }
}
