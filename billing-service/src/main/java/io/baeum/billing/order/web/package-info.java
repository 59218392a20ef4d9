@NullMarked
package io.baeum.billing.order.web;

import org.jspecify.annotations.NullMarked;
