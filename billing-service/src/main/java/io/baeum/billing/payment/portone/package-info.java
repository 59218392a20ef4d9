@NullMarked
package io.baeum.billing.payment.portone;

import org.jspecify.annotations.NullMarked;
