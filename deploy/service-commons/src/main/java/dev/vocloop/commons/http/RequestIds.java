package dev.vocloop.commons.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The request id of the current request, kept in the logging context so every log line carries it. */
public final class RequestIds {

    /** Header that carries the request id between clients, the gateway and the services. */
    public static final String HEADER = "X-Request-Id";
    /** Key of the request id in the logging context ({@code %X{requestId}} in the log format). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id a client sent, when it is safe to log and echo; otherwise a new one. */
    public static String acceptOrCreate(String fromClient) {
        return fromClient != null && SAFE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
