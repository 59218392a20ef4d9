package io.baeum.learning.notification.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import io.baeum.learning.notification.EmailSender;
import io.baeum.learning.notification.NotificationProperties;
import io.baeum.learning.notification.domain.DeliveryFailed;
import io.baeum.learning.notification.domain.Message;

/**
 * Email through Spring's {@link JavaMailSender} (jakarta.mail over SMTP; {@code spring.mail.*}), as UTF-8 text/plain.
 * jakarta.mail blocks, so each send runs on the bounded-elastic scheduler. Transient faults (the server unreachable
 * or dropping the connection, timeouts, 4xx replies) are retried with backoff; a permanent one (authentication,
 * a 5xx reply such as an unknown mailbox, a malformed address) fails at once.
 */
@Component
class SmtpEmailSender implements EmailSender {

    private static final Pattern TRANSIENT_REPLY = Pattern.compile("(^|\\D)4\\d\\d[ -]");

    private final JavaMailSender mail;
    private final NotificationProperties properties;

    SmtpEmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Mono<Integer> send(String to, Message message) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.fromCallable(() -> {
                    attempts.incrementAndGet();
                    MimeMessage mime = mail.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
                    helper.setFrom(properties.from());
                    helper.setTo(to);
                    helper.setSubject(message.subject());
                    helper.setText(message.body(), false);
                    mail.send(mime);
                    return attempts.get();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(properties.email().retries(), properties.email().backoff())
                        .filter(SmtpEmailSender::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(e -> !(e instanceof DeliveryFailed),
                        e -> new DeliveryFailed(describe(e), attempts.get(), isTransient(e), e));
    }

    static boolean isTransient(Throwable error) {
        if (error instanceof MailAuthenticationException) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;   // refused, reset, timed out
            }
            if (t instanceof MessagingException m) {
                if (m.getMessage() != null && TRANSIENT_REPLY.matcher(m.getMessage()).find()) {
                    return true;
                }
                if (m.getNextException() instanceof IOException) {
                    return true;
                }
            }
            if (t instanceof MailSendException send) {
                for (Exception failed : send.getFailedMessages().values()) {
                    if (failed != send && isTransient(failed)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
