/** The chat API of CONTRACT.md: conversations, messages and actions, transcripts. */
package dev.parley.conversation.api;
