/** SMS adapters: the sandbox (logs and keeps the messages) and the HTTP provider's shape. */
@NullMarked
package io.baeum.learning.notification.sms;

import org.jspecify.annotations.NullMarked;
