package io.baeum.learning.notification;

import reactor.core.publisher.Mono;

/** Sends a text message; emits the attempts it took; fails with {@code DeliveryFailed}. */
public interface SmsSender {

    Mono<Integer> send(String phone, String text);
}
