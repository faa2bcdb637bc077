package dev.vocloop.commons;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Ids for every entity: time-ordered UUIDs (version 7), so ids sort by creation time. */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static String newId() {
        return GENERATOR.generate().toString();
    }
}
