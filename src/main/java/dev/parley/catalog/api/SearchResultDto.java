package dev.parley.catalog.api;

import java.util.List;

/**
 * Search answer. With {@code relaxed} false every item satisfies every constraint; with true, nothing did
 * and the items are the closest alternatives, {@code loosened} naming the constraint that was loosened.
 */
public record SearchResultDto(boolean relaxed, String loosened, List<ProductCardDto> items) {
}
