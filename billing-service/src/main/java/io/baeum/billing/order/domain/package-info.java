@NullMarked
package io.baeum.billing.order.domain;

import org.jspecify.annotations.NullMarked;
