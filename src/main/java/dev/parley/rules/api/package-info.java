/** JAX-RS edges of the rules component: the admin rules API (CONTRACT.md) and the public pricing and policy reads. */
package dev.parley.rules.api;
