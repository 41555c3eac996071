/** Shared test infrastructure: the Arquillian deployment, an HTTP client for black-box tests, Chromium. */
package dev.parley.testing;
