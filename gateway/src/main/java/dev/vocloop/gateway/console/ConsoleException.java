package dev.vocloop.gateway.console;

/**
 * Ends a console request with a human page instead of data: an error page in the user's language
 * (the text under {@code messageKey}, plus the API's own detail when it has one) or, when
 * {@code redirect} is set, a 303 to that page (e.g. the sign-in page after a session ended).
 */
public class ConsoleException extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final String detail;
    private final String redirect;

    public ConsoleException(int status, String messageKey, String detail) {
        this(status, messageKey, detail, null);
    }

    private ConsoleException(int status, String messageKey, String detail, String redirect) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.detail = detail;
        this.redirect = redirect;
    }

    /** The user must sign in (again); they come back to the sign-in page. */
    public static ConsoleException signIn(String reason) {
        return new ConsoleException(303, reason, null, "/console/sign-in?reason=" + reason);
    }

    /** The API refused or failed: the status and a sentence for it. */
    public static ConsoleException fromApi(ApiResult result) {
        int status = result.status() == 0 ? 503 : result.status();
        String key = switch (status) {
            case 400, 401, 403, 404, 409, 410, 413, 415, 422, 429 -> "error_" + status;
            default -> "error_unavailable";
        };
        // 5xx details can name internals of a service: the user gets only the sentence.
        String detail = status < 500 ? result.detail() : null;
        return new ConsoleException(status >= 500 || status == 0 ? 503 : status, key, detail);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public String detail() {
        return detail;
    }

    public String redirect() {
        return redirect;
    }
}
