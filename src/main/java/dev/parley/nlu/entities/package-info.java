/**
 * Rule- and gazetteer-based entity extraction (issue 4): catalog vocabulary (categories, brands, colours,
 * materials, attributes, gender) found by longest match in English, Traditional and Simplified Chinese, plus
 * rules for prices, currencies, sizes, quantities, order numbers, coupon codes, e-mail addresses and phone
 * numbers. Pure Java, immutable and thread-safe; see {@link dev.parley.nlu.entities.EntityExtractor}.
 */
package dev.parley.nlu.entities;
