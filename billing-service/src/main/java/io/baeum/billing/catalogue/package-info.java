@NullMarked
package io.baeum.billing.catalogue;

import org.jspecify.annotations.NullMarked;
