@NullMarked
package io.baeum.billing.payment.domain;

import org.jspecify.annotations.NullMarked;
