package io.baeum.learning.notification.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A notification to send to one account because of one trigger.
 *
 * @param triggerKey what caused it, stable across redeliveries (the idempotency key with the recipient and channel)
 * @param params     the template's named parameters ({@code {courseTitle}} etc.)
 */
public record Notification(String triggerKey, String accountId, NotificationTemplate template, Map<String, String> params) {

    public Notification {
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(template, "template");
        params = Map.copyOf(params);
    }
}
