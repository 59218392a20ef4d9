@NullMarked
package io.baeum.billing.catalogue.domain;

import org.jspecify.annotations.NullMarked;
