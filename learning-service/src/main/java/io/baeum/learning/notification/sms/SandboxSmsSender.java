package io.baeum.learning.notification.sms;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.learning.notification.SmsSender;

/**
 * The SMS sandbox (local runs, tests, staging): nothing leaves the machine; each message is logged (number masked)
 * and kept (the last 100) for tests to read. The send log records it like a real send.
 */
@Component
@ConditionalOnProperty(name = "baeum.learning.notifications.sms.adapter", havingValue = "sandbox", matchIfMissing = true)
public class SandboxSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SandboxSmsSender.class);
    private static final int KEPT = 100;

    /** A message the sandbox "sent". */
    public record Sent(String phone, String text) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public Mono<Integer> send(String phone, String text) {
        return Mono.fromSupplier(() -> {
            synchronized (sent) {
                if (sent.size() == KEPT) {
                    sent.removeFirst();
                }
                sent.add(new Sent(phone, text));
            }
            log.info("sandbox SMS to {}: {}", mask(phone), text);
            return 1;
        });
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    static String mask(String phone) {
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
