@NullMarked
package io.baeum.billing.cart.web;

import org.jspecify.annotations.NullMarked;
