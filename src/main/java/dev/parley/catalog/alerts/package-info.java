/**
 * Back-in-stock alerts: shoppers subscribe to a sold-out variant; when its stock returns (by a stock count,
 * an import, or a released reservation, on any node) each alert fires exactly once as a {@link
 * dev.parley.catalog.alerts.BackInStock} event for the channels that tell the shopper.
 */
package dev.parley.catalog.alerts;
