@NullMarked
package io.baeum.billing.payment.sandbox;

import org.jspecify.annotations.NullMarked;
