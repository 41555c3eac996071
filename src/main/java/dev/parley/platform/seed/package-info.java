/**
 * Demo seeding: with {@code PARLEY_DEMO=true}, each {@link dev.parley.platform.seed.DemoSeed} runs once
 * per database, and only while the data it would fill is still empty. Seed data lives under
 * {@code db/seed/}, never in domain classes.
 */
package dev.parley.platform.seed;
