/** Email over SMTP (JavaMailSender), retrying transient failures. */
@NullMarked
package io.baeum.learning.notification.email;

import org.jspecify.annotations.NullMarked;
