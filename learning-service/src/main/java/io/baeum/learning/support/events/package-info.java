/** learning-service's domain events to the outbox, routed to the consumer queues. */
@NullMarked
package io.baeum.learning.support.events;

import org.jspecify.annotations.NullMarked;
