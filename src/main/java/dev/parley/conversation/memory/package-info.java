/** What the assistant remembers about a shopper between conversations, and forgets on request. */
package dev.parley.conversation.memory;
