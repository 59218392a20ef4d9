/** The notification send log's admin API. */
@NullMarked
package io.baeum.learning.notification.web;

import org.jspecify.annotations.NullMarked;
