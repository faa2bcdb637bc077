package dev.vocloop.gateway.routing;

import java.time.Duration;
import java.util.Set;

/**
 * What the gateway does with one request path.
 *
 * @param backend who answers
 * @param maxBodyBytes the largest body accepted; larger ones are refused with 413
 * @param mediaTypes the media types a body may have; others are refused with 415
 * @param timeout how long to wait for the response head before answering 504
 */
public record Route(Backend backend, long maxBodyBytes, Set<String> mediaTypes, Duration timeout) {

    /** Whether a body of this media type (the Content-Type without parameters, lower case) is accepted. */
    public boolean accepts(String mediaType) {
        if (mediaTypes.contains(mediaType)) {
            return true;
        }
        // JSON variants such as application/merge-patch+json are JSON too.
        return mediaTypes.contains("application/json") && mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
