@NullMarked
package io.baeum.billing.payment.web;

import org.jspecify.annotations.NullMarked;
