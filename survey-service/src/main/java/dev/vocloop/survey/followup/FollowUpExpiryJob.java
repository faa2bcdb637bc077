package dev.vocloop.survey.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Expires follow-ups nobody answered in time (the customer's silence closes the ticket as unconfirmed). */
@ApplicationScoped
public class FollowUpExpiryJob {

    private final FollowUpService followUps;

    public FollowUpExpiryJob(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Scheduled(every = "${vocloop.follow-ups.expiry-interval:1m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (followUps.expireDue() > 0) {
            // another batch: a backlog after downtime is worked off in one run
        }
    }
}
