package dev.parley.catalog.search;

import java.util.List;

/**
 * Closest alternatives offered because nothing satisfied every constraint. Never mixed with real matches.
 *
 * @param loosened which constraint was loosened: {@code price}, {@code color}, {@code size},
 *     {@code attributes}, {@code brand}, {@code gender}, {@code stock}, {@code text} or {@code all}
 * @param constraints the constraints the alternatives do satisfy
 * @param hits the alternatives, best first
 */
public record Alternatives(String loosened, SearchConstraints constraints, List<SearchHit> hits) {
}
