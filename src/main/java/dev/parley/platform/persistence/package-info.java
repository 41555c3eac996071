/** Schema migrations (Flyway owns the schema) and the JPA persistence unit's shared pieces. */
package dev.parley.platform.persistence;
