@NullMarked
package io.baeum.billing.receipt;

import org.jspecify.annotations.NullMarked;
