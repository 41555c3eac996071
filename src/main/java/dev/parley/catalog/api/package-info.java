/** Catalog APIs: the public product endpoint and the admin import. */
package dev.parley.catalog.api;
