/**
 * Text handling shared by NLU training and serving: {@link dev.parley.nlu.text.LanguageDetector} (en, zh-TW,
 * zh-CN) and {@link dev.parley.nlu.text.TextVectorizer}, the one function that turns an utterance into the
 * features an intent model sees, configured by {@link dev.parley.nlu.text.VectorizerSettings} and stored with
 * each model version so serving vectorises exactly as training did.
 */
package dev.parley.nlu.text;
