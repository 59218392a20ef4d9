@NullMarked
package io.baeum.billing.revenue.domain;

import org.jspecify.annotations.NullMarked;
