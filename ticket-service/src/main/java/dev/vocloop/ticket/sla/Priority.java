package dev.vocloop.ticket.sla;

import dev.vocloop.commons.problem.ProblemException;

/** Priority levels; P1 is the most urgent. */
public enum Priority {
    P1, P2, P3, P4;

    /** One level more urgent; P1 stays P1. */
    public Priority raised() {
        return this == P1 ? P1 : values()[ordinal() - 1];
    }

    /** Parses a client-supplied level, answering 400 for anything else. */
    public static Priority parse(String field, String value) {
        if (value != null) {
            for (Priority p : values()) {
                if (p.name().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
        }
        throw ProblemException.invalidField(field, "must be one of P1, P2, P3, P4");
    }
}
