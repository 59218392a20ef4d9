@NullMarked
package io.baeum.billing.receipt.domain;

import org.jspecify.annotations.NullMarked;
