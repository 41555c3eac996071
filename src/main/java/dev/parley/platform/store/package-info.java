/** The shop this server serves: its name, currency, default language and time zone. */
package dev.parley.platform.store;
