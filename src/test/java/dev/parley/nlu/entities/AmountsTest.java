package dev.parley.nlu.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "两百|200", "二百五|250", "两千五|2500", "三千|3000", "1.5万|15000", "一万二|12000", "五百|500", "2千|2000",
        "3k|3000", "1,500|1500", "1500.5|1500.5", "十五|15", "一百二十|120", "一千零五|1005", "三千五百|3500",
        "1万2|12000", "十|10",
    })
    void parses(String token, String value) {
        assertEquals(value, Amounts.format(Amounts.parse(token)));
    }

    @ParameterizedTest
    @CsvSource({"abc", "一二"})
    void rejects(String token) {
        assertNull(Amounts.parse(token));
    }
}
