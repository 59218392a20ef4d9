@NullMarked
package io.baeum.billing.order;

import org.jspecify.annotations.NullMarked;
