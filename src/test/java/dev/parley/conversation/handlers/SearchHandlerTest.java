package dev.parley.conversation.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SearchHandlerTest {

    private static List<BigDecimal> prices(int... amounts) {
        return Stream.of(amounts).flatMapToInt(java.util.Arrays::stream).mapToObj(BigDecimal::valueOf).sorted().toList();
    }

    @Test
    void budgetBandsSplitThePricesInThirdsAtRoundNumbers() {
        assertEquals(List.of(new BigDecimal("2000"), new BigDecimal("4000")),
                SearchHandler.bands(prices(990, 1290, 1780, 1980, 2480, 2980, 3580, 3680, 4280)).stream()
                        .map(b -> b.setScale(0)).toList());
        assertEquals(List.of(new BigDecimal("1000"), new BigDecimal("1500")),
                SearchHandler.bands(prices(390, 590, 690, 890, 990, 1090, 1290, 1380, 1580)).stream()
                        .map(b -> b.setScale(0)).toList());
    }

    @Test
    void tooFewOrTooAlikePricesGiveNoBands() {
        assertEquals(List.of(), SearchHandler.bands(prices(990, 1290)));
        assertEquals(List.of(), SearchHandler.bands(prices(990, 990, 990, 990)));
    }
}
