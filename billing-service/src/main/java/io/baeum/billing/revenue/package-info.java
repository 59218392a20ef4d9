@NullMarked
package io.baeum.billing.revenue;

import org.jspecify.annotations.NullMarked;
