package vn.dossierstats.ranking.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A unit of the catalogue as read from catalogue.units.v1 (written by dossier-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitRecord(String code, String name, String level, String parentCode) {}
