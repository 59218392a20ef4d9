/** The send log, the outbox reads of the trigger poller and the deadline sweep's query. */
@NullMarked
package io.baeum.learning.notification.persistence;

import org.jspecify.annotations.NullMarked;
