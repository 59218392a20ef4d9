@NullMarked
package io.baeum.billing.cart;

import org.jspecify.annotations.NullMarked;
