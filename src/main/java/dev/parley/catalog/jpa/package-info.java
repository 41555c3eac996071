/** JPA adapters of the catalog. Entities never leave this package. */
package dev.parley.catalog.jpa;
