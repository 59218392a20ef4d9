@NullMarked
package io.baeum.billing.payment;

import org.jspecify.annotations.NullMarked;
