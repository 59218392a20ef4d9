@NullMarked
package io.baeum.billing.order.persistence;

import org.jspecify.annotations.NullMarked;
