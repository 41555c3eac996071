/**
 * The rules' fact model: the top-level classes DRL files and decision tables in {@code rules/} match on
 * (cart, lines, customer, coupons entered, shipping request, orders, the day) and the results they
 * produce (promotions and coupon offers in force, discounts with their reasons, shipping rates and quotes,
 * policy terms, eligibility decisions). Plain Java, no framework: rule tests build them directly.
 */
package dev.parley.rules.facts;
