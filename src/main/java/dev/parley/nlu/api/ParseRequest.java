package dev.parley.nlu.api;

/**
 * Body of {@code POST /api/v1/nlu/parse}. A class with fields rather than a record: Payara's OpenAPI scanner
 * fails on bean-validation annotations on record components (limits are checked by the service).
 */
public class ParseRequest {

    /** The message, 1 to 2,000 characters. */
    public String text;

    /** The conversation's locale (en, zh-TW, zh-CN), optional: it settles the language of text that does not. */
    public String locale;
}
