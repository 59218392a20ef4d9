package io.baeum.learning.notification;

import reactor.core.publisher.Mono;

import io.baeum.learning.notification.domain.Message;

/** Sends an email; retries transient faults itself. Emits the attempts it took; fails with {@code DeliveryFailed}. */
public interface EmailSender {

    Mono<Integer> send(String to, Message message);
}
