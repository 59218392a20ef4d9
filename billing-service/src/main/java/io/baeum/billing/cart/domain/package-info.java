@NullMarked
package io.baeum.billing.cart.domain;

import org.jspecify.annotations.NullMarked;
