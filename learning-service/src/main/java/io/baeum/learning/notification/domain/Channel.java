package io.baeum.learning.notification.domain;

public enum Channel {
    EMAIL,
    SMS
}
