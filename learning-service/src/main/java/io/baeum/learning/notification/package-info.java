/** Notifications: triggers (learning's own domain events read from the outbox, the deadline sweep), the send log, the channel ports. */
@NullMarked
package io.baeum.learning.notification;

import org.jspecify.annotations.NullMarked;
