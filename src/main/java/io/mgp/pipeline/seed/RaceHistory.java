package io.mgp.pipeline.seed;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Walks an invented championship history season by season, emitting every row of the five seed tables in order. */
final class RaceHistory {

    private final double scale;
    private final SplittableRandom random;
    private final IdSource ids;

    RaceHistory(double scale, long randomSeed) {
        this.scale = scale;
        SplittableRandom root = new SplittableRandom(randomSeed);
        // Ids come from their own stream so that shape decisions do not shift them, and vice versa.
        this.ids = new IdSource(root.split());
        this.random = root;
    }

    void writeTo(SeedSink sink) {
        Map<RacingClass, String> categoryIds = categoryIds();
        for (SeasonPlan plan : SeasonPlan.forScale(scale, random)) {
            SeasonRow season = new SeasonRow(ids.next(), plan.year());
            sink.seasons().accept(season);
            for (int e = 0; e < plan.events(); e++) {
                GrandPrix grandPrix = GrandPrix.draw(plan.year(), random);
                EventRow event = new EventRow(ids.next(), grandPrix.name(), grandPrix.sname(), season.id());
                sink.events().accept(event);
                writeClasses(plan, plan.raced(e), grandPrix, event, categoryIds, sink);
            }
        }
    }

    private void writeClasses(SeasonPlan plan, boolean raced, GrandPrix grandPrix, EventRow event,
                              Map<RacingClass, String> categoryIds, SeedSink sink) {
        for (RacingClass racingClass : RacingClass.values()) {
            if (!racingClass.runsAt(plan.year(), grandPrix, random)) {
                continue;
            }
            CategoryRow category = new CategoryRow(categoryIds.get(racingClass), racingClass.displayName(),
                    event.seasonId(), event.id());
            sink.categories().accept(category);
            EntryList entries = EntryList.draw(plan.year(), random);
            for (SessionType type : SessionType.programmeOf(plan.year(), grandPrix)) {
                SessionRow session = new SessionRow(ids.next(), type.name(),
                        event.seasonId(), event.id(), category.id());
                sink.sessions().accept(session);
                if (raced && ResultsArchive.keptResults(plan.year(), type, random)) {
                    entries.classify(session, type, random, sink.classifications());
                }
            }
        }
    }

    private Map<RacingClass, String> categoryIds() {
        Map<String, String> idByKey = new HashMap<>();
        Map<RacingClass, String> byClass = new EnumMap<>(RacingClass.class);
        for (RacingClass racingClass : RacingClass.values()) {
            byClass.put(racingClass, idByKey.computeIfAbsent(racingClass.idKey(), key -> ids.next()));
        }
        return byClass;
    }
}
