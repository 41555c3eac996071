/** The intent handlers: each answers its intents from the catalog, inventory or rules, in the shopper's language. */
package dev.parley.conversation.handlers;
