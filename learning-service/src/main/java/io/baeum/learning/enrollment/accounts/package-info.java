/** Accounts as learning-service sees them: owned by auth-service, checked there on demand. */
@NullMarked
package io.baeum.learning.enrollment.accounts;

import org.jspecify.annotations.NullMarked;
