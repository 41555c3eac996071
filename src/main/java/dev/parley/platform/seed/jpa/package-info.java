/** JPA adapter of {@code seed_history}. */
package dev.parley.platform.seed.jpa;
