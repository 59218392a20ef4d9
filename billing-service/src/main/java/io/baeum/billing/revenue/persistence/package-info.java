@NullMarked
package io.baeum.billing.revenue.persistence;

import org.jspecify.annotations.NullMarked;
