@NullMarked
package io.baeum.billing.catalogue.messaging;

import org.jspecify.annotations.NullMarked;
