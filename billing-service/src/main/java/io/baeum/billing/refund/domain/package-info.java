@NullMarked
package io.baeum.billing.refund.domain;

import org.jspecify.annotations.NullMarked;
