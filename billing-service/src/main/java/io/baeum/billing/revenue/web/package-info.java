@NullMarked
package io.baeum.billing.revenue.web;

import org.jspecify.annotations.NullMarked;
