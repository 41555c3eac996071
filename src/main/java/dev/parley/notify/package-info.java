/**
 * Order notifications to the shopper's e-mail: order confirmation, shipping and refund. Owns the outbox
 * ({@code notification}, V16): a mail is composed and queued in the same transaction as the order change it tells of
 * ({@link dev.parley.notify.OrderNotifications}), sent at once after the commit and by a timer on every node that
 * claims due rows with a lease ({@link dev.parley.notify.NotificationSender}), through one {@link
 * dev.parley.notify.Notifier}: the log (default) or SMTP ({@code PARLEY_SMTP_*}).
 */
package dev.parley.notify;
