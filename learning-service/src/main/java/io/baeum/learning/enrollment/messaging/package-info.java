/** The enrollment feature's messaging adapter (SQS listeners). */
@NullMarked
package io.baeum.learning.enrollment.messaging;

import org.jspecify.annotations.NullMarked;
