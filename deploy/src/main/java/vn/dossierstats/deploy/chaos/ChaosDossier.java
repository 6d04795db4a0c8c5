package vn.dossierstats.deploy.chaos;

import java.util.List;

/** A dossier's history, in occurredAt order, and the source (index into the run's source keys) that sends it. */
record ChaosDossier(String id, int source, List<ChaosEvent> events) {}
