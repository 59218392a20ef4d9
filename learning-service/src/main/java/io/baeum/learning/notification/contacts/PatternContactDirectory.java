package io.baeum.learning.notification.contacts;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.learning.notification.ContactDirectory;
import io.baeum.learning.notification.NotificationProperties;

/**
 * The stand-in directory: an address made from the account id by {@code baeum.learning.notifications.contacts.email-pattern},
 * no phone. The real one asks auth-service (which holds the encrypted addresses) and needs a service-to-service
 * contact look-up there that does not exist yet (docs/learning.md, "Notifications").
 */
@Component
class PatternContactDirectory implements ContactDirectory {

    private final String pattern;

    PatternContactDirectory(NotificationProperties properties) {
        this.pattern = properties.contacts().emailPattern();
    }

    @Override
    public Mono<Contact> of(String accountId) {
        return Mono.just(new Contact(pattern.replace("{accountId}", accountId), null));
    }
}
