package dev.vocloop.local;

/** A problem the user can fix (a port in use, a missing build): printed as one sentence, no stack trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
