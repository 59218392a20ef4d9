@NullMarked
package io.baeum.billing.refund;

import org.jspecify.annotations.NullMarked;
