package dev.vocloop.survey.outbox;

/** What a receiver answered to a hand-over: a 2xx, or a 4xx that is its final word on it. */
public record HandOverAnswer(int status, String body) {

    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
