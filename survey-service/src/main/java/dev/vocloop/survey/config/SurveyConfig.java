package dev.vocloop.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of survey-service (properties under {@code vocloop.}). */
@ConfigMapping(prefix = "vocloop")
public interface SurveyConfig {

    /** Where customers' links point: the public entry of the platform (the gateway). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Follow-ups after a resolved ticket. */
    FollowUps followUps();

    /** The mail queue relay. */
    Mail mail();

    /** Survey invitations and the contact budget. */
    Invitations invitations();

    /** Analytics. */
    Analytics analytics();

    /** The outbox relay of hand-overs to other services. */
    Outbox outbox();

    /** Follow-up settings. */
    interface FollowUps {
        /** Days a follow-up waits for an answer before it expires as unconfirmed. */
        @WithDefault("7")
        int expiryDays();

        /** How many due follow-ups one run of the expiry job handles at most. */
        @WithDefault("200")
        int expiryBatchSize();

        /** How often the expiry job looks for follow-ups past their time. */
        @WithDefault("1m")
        String expiryInterval();
    }

    /** Invitation settings. */
    interface Invitations {
        /** Days an invitation token stays valid. */
        @WithDefault("14")
        int expiryDays();

        /**
         * The contact budget: at most one survey invitation per customer in this many days, across
         * every survey and channel (follow-ups after a ticket are exempt).
         */
        @WithDefault("30")
        int contactBudgetDays();

        /** Customers accepted in one invitation request. */
        @WithDefault("1000")
        int maxCustomersPerRequest();
    }

    /** Analytics settings. */
    interface Analytics {
        /** Below this many answers a value is shown but marked not significant. */
        @WithDefault("30")
        int minN();

        /** Default reporting window in days when {@code from} is not given. */
        @WithDefault("90")
        int defaultDays();
    }

    /** Mail relay settings. */
    interface Mail {
        /** Attempts before a queued mail is parked as FAILED. */
        @WithDefault("10")
        int maxAttempts();

        /** Delay before the first retry; doubled on each further attempt (with jitter). */
        @WithDefault("PT5S")
        Duration initialBackoff();

        /** Upper bound of the delay between two attempts. */
        @WithDefault("PT30M")
        Duration maxBackoff();

        /** How long a relay owns claimed mail; a crashed relay's claim expires after it. */
        @WithDefault("PT2M")
        Duration lease();

        /** Longest wait for the SMTP server to take one mail; kept below the lease so no other relay sends it meanwhile. */
        @WithDefault("PT1M")
        Duration sendTimeout();

        /** Mails claimed per round. */
        @WithDefault("20")
        int batchSize();

        /** How often the relay sweeps for retries and mail left by a crashed replica (new mail is sent at once). */
        @WithDefault("5s")
        String sweepInterval();
    }

    /** Outbox relay settings. */
    interface Outbox {
        /** Attempts before a hand-over is parked as FAILED. */
        @WithDefault("12")
        int maxAttempts();

        /** Delay before the first retry; doubled on each further attempt (with jitter). */
        @WithDefault("PT1S")
        Duration initialBackoff();

        /** Upper bound of the delay between two attempts. */
        @WithDefault("PT10M")
        Duration maxBackoff();

        /** How long a relay owns claimed rows; a crashed relay's claim expires after it. */
        @WithDefault("PT1M")
        Duration lease();

        /** Wait before trying a row again when the receiver's circuit breaker is open (no attempt is used). */
        @WithDefault("PT5S")
        Duration circuitOpenPause();

        /** Rows claimed per round. */
        @WithDefault("50")
        int batchSize();

        /** How often the relay sweeps for retries and rows left by a crashed replica (new rows go at once). */
        @WithDefault("5s")
        String sweepInterval();
    }
}
