@NullMarked
package io.baeum.billing.refund.persistence;

import org.jspecify.annotations.NullMarked;
