package io.baeum.learning.notification.domain;

/** A rendered notification: the email's subject and body, and the SMS text. */
public record Message(String subject, String body, String sms) {
}
