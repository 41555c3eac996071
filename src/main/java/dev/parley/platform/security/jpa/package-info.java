/** JPA adapters of staff accounts and sign-in failures. Entities never leave this package. */
package dev.parley.platform.security.jpa;
