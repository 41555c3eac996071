/**
 * Business rules (issue 6): the shop's pricing, promotion, coupon, shipping and policy rules as Drools DRL
 * files and decision tables, their draft, published versions and audit trail in the database, compilation
 * into a cached KieBase per version that every node swaps in atomically, guarded evaluation (fire limit,
 * time limit, fallback to the last good version) and the pricing and policy service the rest of Parley
 * asks for quotes, coupon checks, offers and policy answers. The fact model is {@code rules.facts}.
 */
package dev.parley.rules;
