/** Notification templates (Korean, from resource files) and delivery outcomes as plain Java. */
@NullMarked
package io.baeum.learning.notification.domain;

import org.jspecify.annotations.NullMarked;
