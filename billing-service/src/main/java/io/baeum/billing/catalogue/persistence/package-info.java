@NullMarked
package io.baeum.billing.catalogue.persistence;

import org.jspecify.annotations.NullMarked;
