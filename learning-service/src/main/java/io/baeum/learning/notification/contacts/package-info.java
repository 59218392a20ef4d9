/** Where a trainee's email address and phone number come from. */
@NullMarked
package io.baeum.learning.notification.contacts;

import org.jspecify.annotations.NullMarked;
