/**
 * The conversation (issue 5): conversations and their turns in the database (any node serves any turn),
 * dialogue state, the turn loop (understand with the NLU, answer with the intent's handler from catalog,
 * inventory and rules, reply from localised templates), and the chat API.
 */
package dev.parley.conversation;
