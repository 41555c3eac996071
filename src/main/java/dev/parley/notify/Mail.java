package dev.parley.notify;

/**
 * One plain-text e-mail to a shopper.
 *
 * @param recipient the shopper's address
 * @param subject the subject line
 * @param body the text
 */
public record Mail(String recipient, String subject, String body) {
}
