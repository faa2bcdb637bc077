package dev.vocloop.ticket.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The SLA escalation job. */
@ConfigMapping(prefix = "ticket.escalation")
public interface EscalationConfig {

    /** How often the job looks for tickets at risk or in breach. */
    @WithDefault("30s")
    Duration interval();

    /** Tickets escalated per query and round; the rest follow in the next round. */
    @WithDefault("200")
    int batchSize();
}
