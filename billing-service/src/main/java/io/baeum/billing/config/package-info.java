@NullMarked
package io.baeum.billing.config;

import org.jspecify.annotations.NullMarked;
