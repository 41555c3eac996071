/** Admin pages of the catalog: product list with filters, product detail with stock, file imports. */
package dev.parley.catalog.web;
